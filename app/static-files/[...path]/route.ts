import { readAsset } from "@/lib/content/assets";
import { getSite, pathOfSegments } from "@/lib/site";

// The content folder's static files (lib/content/assets.ts), generated here under
// /static-files/<path>; scripts/finalize-export.mjs moves each to its own path
// (/images/a.png, /favicon.ico), which a route's fixed folder cannot follow.
// `next dev` serves them at their own paths through next.config.js's rewrites.
export const dynamic = "force-static";
export const dynamicParams = false;

const TYPES: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", avif: "image/avif",
  svg: "image/svg+xml", ico: "image/x-icon", pdf: "application/pdf", txt: "text/plain; charset=utf-8", json: "application/json",
  zip: "application/zip", css: "text/css; charset=utf-8", js: "text/javascript; charset=utf-8", html: "text/html; charset=utf-8",
  xml: "application/xml", mp4: "video/mp4", webm: "video/webm", woff2: "font/woff2", woff: "font/woff",
};

/**
 * Stands in when a site has no static files: `output: "export"` rejects an empty param list
 * (vercel/next.js#61213). scripts/finalize-export.mjs drops it by this name.
 */
const NO_STATIC_FILES = ".no-static-files";

export function generateStaticParams(): { path: string[] }[] {
  const params = [...getSite().staticFiles.keys()].map((url) => ({ path: url.split("/").slice(1) }));
  return params.length > 0 ? params : [{ path: [NO_STATIC_FILES] }];
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const url = pathOfSegments(path);
  const site = getSite();
  const bytes = site.staticFiles.has(url) ? readAsset(site.assets, url) : undefined;
  if (!bytes) return new Response(path.join("/") === NO_STATIC_FILES ? "" : "Not found", { status: path.join("/") === NO_STATIC_FILES ? 200 : 404 });
  const extension = url.split(".").pop()?.toLowerCase() ?? "";
  return new Response(new Uint8Array(bytes), { headers: { "Content-Type": TYPES[extension] ?? "application/octet-stream" } });
}
