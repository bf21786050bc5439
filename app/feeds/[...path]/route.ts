import { FEED_MEDIA_TYPES, feedSpecs, findFeed, renderFeed } from "@/lib/feeds";
import { getSite, pathOfSegments, segmentsOf } from "@/lib/site";

// Feeds are generated here, under /feeds/<public path>; scripts/finalize-export.mjs
// moves them to their public paths (`feed.path` in _config.yml), which a route's
// fixed folder cannot follow. `next dev` serves them here only, e.g. /feeds/blog/feed.xml.
// There is always at least the site-wide feed (export rejects an empty param list).
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams(): { path: string[] }[] {
  return feedSpecs(getSite()).map((spec) => ({ path: segmentsOf(spec.path) }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const site = getSite();
  const spec = findFeed(site, pathOfSegments(path));
  if (!spec) return new Response("Not found", { status: 404 });
  return new Response(await renderFeed(site, spec), {
    headers: { "Content-Type": `${FEED_MEDIA_TYPES[spec.format]}; charset=utf-8` },
  });
}
