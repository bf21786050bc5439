import { createHash } from "node:crypto";
import path from "node:path";
import { liquidTime } from "@/lib/content/dates";
import type { ContentSnapshot } from "@/lib/content/load";
import { categoryFeedPaths, siteFeedPaths } from "@/lib/feeds/paths";
import type { OtherPosts, PostSummary, RenderContext } from "@/lib/markdown/context";
import type { SitePost } from "./model";
import { routeKey, type Route } from "./routes";

export function buildRenderContext(content: ContentSnapshot, posts: readonly SitePost[], routes: ReadonlyMap<string, Route>): RenderContext {
  const { config, assets, includes, relativeIncludes, data } = content;
  let otherPosts: OtherPosts | undefined;
  const byName = new Map<string, string>();
  const bySource = new Map<string, string>();
  for (const post of posts) {
    const name = path.basename(post.source).replace(/\.[^.]+$/, "");
    byName.set(name, post.url);
    bySource.set(post.source, post.url);
    // Jekyll allows post_url with the subfolder below _posts (`2016/2016-03-08-x`).
    bySource.set(post.source.replace(/^_posts\//, ""), post.url);
  }
  const externals = config.externalPaths.map((p) => routeKey(p));
  // Files the build writes besides pages, which posts may link to (`[Subscribe](/blog/feed.xml)`).
  const generated = new Set(["/sitemap.xml", "/robots.txt", ...Object.values(siteFeedPaths(config))]);
  for (const route of routes.values()) {
    if (route.kind === "listing" && route.listing.kind === "category" && route.page === 1) {
      for (const feed of Object.values(categoryFeedPaths(config, route.listing.path))) generated.add(feed);
    }
  }
  const fingerprint = createHash("sha1")
    .update(JSON.stringify(config.raw))
    .update([...routes.keys()].join("\n"))
    // Names and URLs (post_url, link), and each asset's size and time (image dimensions).
    .update([...bySource.entries()].flat().join("\n"))
    .update(assets.signature())
    .update([...includes.entries()].flat().join("\0"))
    .update([...relativeIncludes.entries()].flat().join("\0"))
    .update(JSON.stringify(data))
    .digest("hex");
  return {
    config,
    fingerprint,
    resolvePath(urlPath) {
      const key = routeKey(urlPath);
      if (routes.has(key)) return "page";
      if (assets.files.has(urlPath) || generated.has(urlPath)) return "asset";
      if (externals.some((e) => key === e || key.startsWith(`${e}/`))) return "external";
      return undefined;
    },
    asset(urlPath) {
      const found = assets.lookup(urlPath);
      return found && { width: found.width, height: found.height };
    },
    postUrl: (name) => byName.get(name.trim()) ?? bySource.get(`${name.trim()}.md`) ?? byName.get(path.basename(name.trim())),
    linkUrl: (source) => bySource.get(source.trim().replace(/^\//, "")),
    readInclude: (name) => includes.get(name.trim()),
    readRelativeInclude: (path) => relativeIncludes.get(path),
    data,
    otherPosts: () => (otherPosts ??= summarize(posts, config.timezone)),
  };
}

function summarize(posts: readonly SitePost[], timezone: string): OtherPosts {
  const summaries = posts.map((post): PostSummary => ({
    title: post.title, url: post.url, date: liquidTime(post.date, timezone), id: post.url.replace(/\/$/, ""), slug: post.slug, path: post.source,
    categories: post.categories.map((c) => c.raw), tags: post.tags.map((t) => t.name), excerpt: post.excerpt,
  }));
  const categories: Record<string, PostSummary[]> = {};
  const tags: Record<string, PostSummary[]> = {};
  for (const summary of summaries) {
    for (const name of summary.categories) (categories[name] ??= []).push(summary);
    for (const name of summary.tags) (tags[name] ??= []).push(summary);
  }
  const signature = createHash("sha1").update(JSON.stringify(summaries)).digest("hex");
  return { posts: summaries, categories, tags, indexOf: new Map(summaries.map((s, i) => [s.path, i])), signature };
}
