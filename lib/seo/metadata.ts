import type { Metadata } from "next";
import type { Category } from "@/lib/content/post";
import { feedAlternates } from "@/lib/feeds";
import { absoluteUrl } from "@/lib/format";
import { isServedFromHtmlFile, type Route, type Site } from "@/lib/site";
import { postShareImage, siteShareImage, type ShareImage } from "./share-image";

/**
 * Metadata shared by every page, set in the root layout: the title template,
 * feeds, and Open Graph and Twitter defaults (what the 404 page gets).
 */
export function siteMetadata(site: Site): Metadata {
  const { config } = site;
  return {
    metadataBase: new URL(`${config.rootUrl}/`),
    title: { default: config.title, template: `%s | ${config.title}` },
    description: config.description || undefined,
    // No og:url here: these defaults also describe the 404 page.
    ...social(site, { title: config.title, description: config.description, image: siteShareImage(site) }),
    alternates: { types: feedAlternates(site) },
  };
}

/**
 * A page's own metadata. Next.js replaces, not merges, a nested object such as
 * `openGraph` or `alternates` that a page sets, so each page gets whole ones.
 */
export function routeMetadata(site: Site, route: Route): Metadata {
  const { config } = site;
  switch (route.kind) {
    case "post": {
      const { post } = route;
      const base = social(site, { title: post.title, description: post.excerpt, path: post.url, image: postShareImage(site, post) });
      return {
        title: post.title,
        description: post.excerpt || undefined,
        alternates: alternates(site, post.url),
        ...base,
        openGraph: {
          ...base.openGraph,
          type: "article",
          publishedTime: post.date.toISOString(),
          modifiedTime: (post.updated ?? post.date).toISOString(),
          authors: post.authors.map((a) => absoluteUrl(config.rootUrl, a.url)),
          section: post.categories[0]?.name,
          tags: post.tags.map((t) => t.name),
        },
      };
    }
    case "listing": {
      const { listing, page } = route;
      const base = listing.kind === "home" ? undefined : listing.kind === "tag" ? `#${listing.title}` : listing.title;
      const title = page > 1 ? `${base ?? "Posts"} – page ${page}` : base;
      const description = listing.author?.description || config.description;
      const path = canonicalPathOf(route);
      return {
        title: title ?? { absolute: config.title },
        description: description || undefined,
        alternates: alternates(site, path, listing.category),
        ...social(site, { title: title ?? config.title, description, path, image: siteShareImage(site) }),
      };
    }
    case "archive":
      return {
        title: "Archive",
        alternates: alternates(site, route.path),
        ...social(site, { title: "Archive", description: config.description, path: route.path, image: siteShareImage(site) }),
      };
    case "search":
      // A search form with results made in the browser: nothing for search engines to index.
      return {
        title: "Search",
        alternates: alternates(site, route.path),
        robots: { index: false },
        ...social(site, { title: "Search", description: config.description, path: route.path, image: siteShareImage(site) }),
      };
    case "redirect":
      return { title: "Page moved", alternates: { canonical: metadataUrl(site, route.to) }, robots: { index: false } };
  }
}

/** The URL path a page names as its canonical one (and Open Graph's `og:url`). */
export function canonicalPathOf(route: Route): string {
  switch (route.kind) {
    case "post": return route.post.url;
    // The site root shows the index too; its canonical URL is the index's.
    case "listing": return route.path === "/" ? route.listing.path : route.path;
    case "redirect": return route.to;
    default: return route.path;
  }
}

/**
 * Next.js ends every same-site metadata URL without a file extension with a
 * slash (trailingSlash is on), and `/a`, served from `a.html`, has none: such
 * a page writes its canonical link and og:url itself (see CanonicalLink).
 */
export function writesOwnCanonical(route: Route): boolean {
  return isServedFromHtmlFile(canonicalPathOf(route));
}

function metadataUrl(site: Site, path: string): string | undefined {
  return isServedFromHtmlFile(path) ? undefined : absoluteUrl(site.config.rootUrl, path);
}

function alternates(site: Site, path: string, category?: Category): NonNullable<Metadata["alternates"]> {
  return { canonical: metadataUrl(site, path), types: feedAlternates(site, category) };
}

interface SocialInput {
  title: string;
  description: string;
  path?: string;
  image: ShareImage;
}

/** Open Graph (`website`; posts make it an `article`) and a large-image Twitter card. */
function social(site: Site, { title, description, path, image }: SocialInput) {
  const images = [{ url: image.url, width: image.width, height: image.height, alt: image.alt }];
  return {
    openGraph: {
      type: "website" as const,
      siteName: site.config.title,
      title,
      description: description || undefined,
      url: path === undefined ? undefined : metadataUrl(site, path),
      images,
    },
    twitter: { card: "summary_large_image" as const, title, description: description || undefined, images },
  };
}
