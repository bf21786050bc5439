import type { SiteConfig } from "@/lib/config";

export type FeedFormat = "atom" | "rss" | "json";

export const FEED_FORMATS: readonly FeedFormat[] = ["atom", "rss", "json"];

/** Where the site-wide feeds are published: `feed.path` (Atom), `feed.rss_path`, `feed.json_path`. */
export function siteFeedPaths(config: SiteConfig): Record<FeedFormat, string> {
  return { atom: config.feedPath, rss: config.feedRssPath, json: config.feedJsonPath };
}

/** A category's feeds: in its page's folder, named like the site-wide ones (`/blog/events/feed.xml`). */
export function categoryFeedPaths(config: SiteConfig, categoryPath: string): Record<FeedFormat, string> {
  const folder = categoryPath.replace(/\/?$/, "/");
  const site = siteFeedPaths(config);
  const inFolder = (path: string) => folder + path.slice(path.lastIndexOf("/") + 1);
  return { atom: inFolder(site.atom), rss: inFolder(site.rss), json: inFolder(site.json) };
}
