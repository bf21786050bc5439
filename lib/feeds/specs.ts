import type { Category } from "@/lib/content/post";
import type { Site, SitePost } from "@/lib/site";
import { categoryFeedPaths, FEED_FORMATS, siteFeedPaths, type FeedFormat } from "./paths";

export type { FeedFormat };

/** One feed file: a format, the public path it is published at, and the posts it carries. */
export interface FeedSpec {
  format: FeedFormat;
  /** Public URL path, e.g. `/blog/feed.xml` or `/blog/events/feed.xml`. */
  path: string;
  title: string;
  /** The page the feed mirrors (the index or the category page). */
  homePath: string;
  /** The newest posts, at most `feed.limit`, already filtered by the visibility rule. */
  posts: SitePost[];
  /** The same posts in the other formats, for `rel="self"`/alternate links inside the feed. */
  siblings: Record<FeedFormat, string>;
  category?: Category;
}

export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};

/**
 * Every feed the site publishes: the site-wide Atom, RSS and JSON feeds at the
 * configured paths, and the same three in each category's folder, named like
 * the site-wide ones (`/blog/events/feed.xml`, `rss.xml`, `feed.json`).
 */
export function feedSpecs(site: Site): FeedSpec[] {
  const { config } = site;
  const newest = (posts: SitePost[]) => posts.slice(0, config.feedLimit);
  const specs = group(siteFeedPaths(config), { title: config.title, homePath: config.routes.home, posts: newest(site.posts) });
  for (const listing of site.categories) {
    specs.push(...group(categoryFeedPaths(config, listing.path), {
      title: `${config.title}: ${listing.title}`, homePath: listing.path, posts: newest(listing.posts), category: listing.category,
    }));
  }
  return specs;
}

function group(paths: Record<FeedFormat, string>, shared: Pick<FeedSpec, "title" | "homePath" | "posts" | "category">): FeedSpec[] {
  return FEED_FORMATS.map((format) => ({ format, path: paths[format], siblings: paths, ...shared }));
}

export function findFeed(site: Site, path: string): FeedSpec | undefined {
  return feedSpecs(site).find((spec) => spec.path === path);
}

/**
 * `alternates.types` for a page's metadata: the site-wide feeds, plus a
 * category's own when the page is one. Always the public URLs, in `next dev`
 * too (which serves the feeds under /feeds/, see app/feeds/[...path]).
 */
export function feedAlternates(site: Site, category?: Category): Record<string, { url: string; title: string }[]> {
  const types: Record<string, { url: string; title: string }[]> = {};
  const wanted = feedSpecs(site).filter((spec) => !spec.category || spec.category.slug === category?.slug);
  for (const spec of wanted) {
    const label = { atom: "Atom", rss: "RSS", json: "JSON Feed" }[spec.format];
    (types[FEED_MEDIA_TYPES[spec.format]] ??= []).push({ url: spec.path, title: `${spec.title} (${label})` });
  }
  return types;
}
