import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { LiveReload } from "@/components/live-reload";
import { SiteHeader } from "@/components/site-header";
import { ThemeScript } from "@/components/theme-script";
import { siteMetadata } from "@/lib/seo/metadata";
import { usesClientRuntime } from "@/lib/config";
import { getSite } from "@/lib/site";
import { mono, sans, sansExtended } from "./fonts";
import "./globals.css";
import "./code.css";
import { linkTo } from "@/lib/site/href";

export function generateMetadata(): Metadata {
  return siteMetadata(getSite());
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1419" },
  ],
};

const liveReloadPort = process.env.NODE_ENV === "development" ? Number(process.env.BLOG_LIVE_RELOAD_PORT) || 0 : 0;

export default function RootLayout({ children }: { children: ReactNode }) {
  const { config } = getSite();
  return (
    <html
      lang={config.lang}
      className={`${sans.variable} ${sansExtended.variable} ${mono.variable}`}
      data-client-runtime={usesClientRuntime(config) ? "on" : "off"}
      // The theme script sets data-theme and data-js on <html> before React could hydrate it.
      suppressHydrationWarning
    >
      <head>
        <ThemeScript />
        {/* Theme toggle, copy buttons, lightbox, video embeds, the "/" shortcut: one small progressive script. */}
        <script src={linkTo("/js/site.js")} defer />
      </head>
      <body>
        <SiteHeader
          title={config.title}
          homePath={config.routes.home}
          archivePath={config.routes.archive}
          searchPath={config.routes.search}
        />
        <main id="main" className="site-main">
          {children}
        </main>
        <SiteFooter title={config.title} description={config.description} />
        {liveReloadPort > 0 && <LiveReload port={liveReloadPort} />}
      </body>
    </html>
  );
}
