import type { SiteConfig } from "@/lib/config";
import type { AssetIndex } from "@/lib/content/assets";
import { partsInZone } from "@/lib/content/dates";
import type { ContentSnapshot } from "@/lib/content/load";
import type { Author, Category, Post, Tag } from "@/lib/content/post";
import { applyRuleSeverities, problem, type ContentProblem } from "@/lib/content/problems";
import type { RenderContext } from "@/lib/markdown/context";
import { buildRenderContext } from "./render-context";
import { blogPageAt, buildRoutes, builtFileAt, exportPathOf, isServedFromHtmlFile, routeKey, type Route } from "./routes";
import { isVisible, statusOf, type PostStatus, type VisibilityMode } from "./visibility";

export interface SitePost extends Post {
  status: PostStatus;
}

/** A list of posts with its own pages: the index, a category, a tag or an author. */
export interface Listing {
  kind: "home" | "category" | "tag" | "author";
  /** Slug of the category, tag or author; empty for home. */
  key: string;
  title: string;
  /** URL path of page 1. */
  path: string;
  posts: SitePost[];
  category?: Category;
  tag?: Tag;
  author?: Author;
}

export interface Site {
  config: SiteConfig;
  mode: VisibilityMode;
  /** Visible posts, newest first. */
  posts: SitePost[];
  /** Each post's index in `posts`. */
  positions: Map<SitePost, number>;
  home: Listing;
  categories: Listing[];
  tags: Listing[];
  authors: Listing[];
  /** Category, tag and author listings by `kind:key`, e.g. `tag:ci`. */
  listings: Map<string, Listing>;
  routes: Map<string, Route>;
  problems: ContentProblem[];
  /** The content folder's static files (images, downloads), as Jekyll copies them. */
  assets: AssetIndex;
  /** The static files the export gets, by URL path: all but those at a URL where the blog writes a page or its own file. */
  staticFiles: Map<string, string>;
  /** What rendering a post needs to know about the rest of the site. */
  renderContext: RenderContext;
}

/** Newest first; on the same date, the later file (Jekyll's order, reversed). */
function newestFirst(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || b.source.localeCompare(a.source);
}

/**
 * A post with its status, copied with its property descriptors rather than
 * spread: a post from the content cache reads its body only when rendered.
 */
function withStatus(post: Post, status: PostStatus): SitePost {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(post)) as SitePost;
  copy.status = status;
  return copy;
}

/** The site model: what is published, in what order, under which URLs. Metadata only; no HTML. */
export function buildSite(content: ContentSnapshot, mode: VisibilityMode): Site {
  const { config } = content;
  const problems = [...content.problems];
  const visible = keepOnePostPerUrl(
    content.posts
      .map((post) => withStatus(post, statusOf(post, mode.now)))
      .filter((post) => isVisible(post.status, mode))
      .sort(newestFirst),
    problems,
  );
  // Where categories' feeds go, which no post, redirect or static file may take.
  const categoryPaths = new Set(visible.flatMap((post) => post.categories.map((c) => c.url)));
  const posts = withoutBuiltFileUrls(config, categoryPaths, visible, problems);
  for (const post of content.posts) {
    if (!post.draft && statusOf(post, mode.now) === "scheduled") {
      problems.push(problem({
        rule: "date/future", file: post.source, line: post.fieldLines.date, field: "date",
        message: `Scheduled for ${post.date.toISOString()}: ${mode.future ? "shown because future posts are on" : "not published until then"}`,
      }));
    }
  }

  const home: Listing = { kind: "home", key: "", title: config.title, path: config.routes.home, posts };
  const categories = group(posts, (p) => p.categories, (c, list) => ({
    kind: "category", key: c.slug, title: c.name, category: c, posts: list, path: c.url,
  }));
  const tags = group(posts, (p) => p.tags, (t, list) => ({
    kind: "tag", key: t.slug, title: t.name, tag: t, posts: list, path: t.url,
  }));
  const authors = group(posts, (p) => p.authors, (a, list) => ({
    kind: "author", key: a.slug, title: a.fullName, author: a, posts: list, path: a.url,
  }));
  problems.push(...similarTags(posts));

  const routes = buildRoutes({ config, posts, home, listings: [...categories, ...tags, ...authors], categoryPaths, problems });
  const staticFiles = publishableStaticFiles(content, categoryPaths, routes, problems);
  const renderContext = buildRenderContext(content, posts, routes);
  problems.push(...redirectsNowhere(posts, renderContext));
  const listings = new Map([...categories, ...tags, ...authors].map((l) => [`${l.kind}:${l.key}`, l]));
  const positions = new Map(posts.map((post, index) => [post, index]));
  return { config, mode, posts, positions, home, categories, tags, authors, listings, routes, problems: applyRuleSeverities(dedupe(problems), config.ruleSeverity), assets: content.assets, staticFiles, renderContext };
}

/** Groups posts by a facet (category, tag, author), keeping the first-seen form of each key. */
function group<T extends { slug: string }>(
  posts: SitePost[], facet: (post: SitePost) => T[], make: (item: T, posts: SitePost[]) => Listing,
): Listing[] {
  const groups = new Map<string, { item: T; posts: SitePost[] }>();
  // Oldest first, so a tag's display name is the form its first post used.
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i]!;
    for (const item of facet(post)) {
      const entry = groups.get(item.slug) ?? { item, posts: [] };
      entry.posts.push(post);
      groups.set(item.slug, entry);
    }
  }
  return [...groups.values()]
    .map(({ item, posts: list }) => make(item, list.reverse()))
    .sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }));
}

/** Tags that make the same URL (`CI` and `ci`, `C++` and `C`) share one tag page under one name. */
function similarTags(posts: SitePost[]): ContentProblem[] {
  const forms = new Map<string, Map<string, SitePost[]>>();
  for (const post of posts) {
    for (const tag of post.tags) {
      const bySpelling = forms.get(tag.slug) ?? new Map<string, SitePost[]>();
      bySpelling.set(tag.name, [...(bySpelling.get(tag.name) ?? []), post]);
      forms.set(tag.slug, bySpelling);
    }
  }
  const problems: ContentProblem[] = [];
  for (const bySpelling of forms.values()) {
    if (bySpelling.size < 2) continue;
    const ranked = [...bySpelling.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    const [preferred] = ranked[0]!;
    for (const [spelling, users] of ranked.slice(1)) {
      for (const post of users) {
        problems.push(problem({
          rule: "taxonomy/similar-tag", file: post.source, line: post.fieldLines.tags ?? post.fieldLines.tag, field: "tags",
          message: `Tag \`${spelling}\` and the existing tag \`${preferred}\` make the same tag page (they differ only by case, spacing or punctuation)`,
          found: JSON.stringify(spelling), expected: JSON.stringify(preferred), hint: `write \`${preferred}\` so both posts share one tag page`,
        }));
      }
    }
  }
  return problems;
}

/** A post whose `redirect_to` is a path of the site that nothing is published at: readers would land on the 404 page. */
function redirectsNowhere(posts: readonly SitePost[], context: RenderContext): ContentProblem[] {
  return posts.flatMap((post) => {
    const target = post.redirectTo;
    if (!target?.startsWith("/")) return [];
    let path = target.replace(/[?#].*$/, "");
    try {
      path = decodeURI(path);
    } catch {
      // Kept as written: a malformed escape is not a page either.
    }
    if (context.resolvePath(path)) return [];
    const field = post.fieldLines.redirect_to !== undefined ? "redirect_to" : "redirect";
    return [problem({
      rule: "links/broken-internal", file: post.source, line: post.fieldLines[field], field, found: target,
      message: `\`${field}\` forwards to ${target}, which is not a page or file of this site`,
      expected: "the URL of a post, page or file the blog publishes", hint: "correct the path, or forward to a full https:// address",
    })];
  });
}

/**
 * Posts at one URL: as in Jekyll, the latest one is published and the others
 * are not (they would otherwise appear in lists with a link to another post).
 * Reported once on every file involved, so each shows the problem in an editor
 * or a pull request.
 */
function keepOnePostPerUrl(posts: SitePost[], problems: ContentProblem[]): SitePost[] {
  // By file: `/a` and `/a.html` are both written to a.html.
  const groups = new Map<string, SitePost[]>();
  for (const post of posts) {
    const key = routeKey(exportPathOf(post.url));
    const group = groups.get(key);
    if (group) group.push(post);
    else groups.set(key, [post]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Newest first: the first post at a URL is the one that stays.
    const [winner, ...losers] = group as [SitePost, ...SitePost[]];
    const urls = [...new Set(group.map((post) => post.url))];
    const where = urls.length === 1 ? winner.url : `the file ${exportPathOf(winner.url).slice(1)} (${urls.join(", ")})`;
    const others = (post: SitePost) => listNames(group.filter((other) => other !== post).map((other) => other.source));
    for (const post of group) {
      problems.push(problem({
        rule: "permalink/duplicate", file: post.source, line: post.fieldLines.permalink,
        message: `${post.source} resolves to ${where}, as ${group.length === 2 ? "does" : "do"} ${others(post)}; only ${winner.source} is published (as in Jekyll, the later post wins)`,
        found: post.url, expected: "one post per URL", hint: "give one of them a `permalink` or a different file name",
      }));
    }
  }
  return posts.filter((post) => groups.get(routeKey(exportPathOf(post.url)))![0] === post);
}

/** "a, b and 3 more": a list short enough for one message line. */
function listNames(names: string[], shown = 3): string {
  if (names.length <= shown) return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

/**
 * A post whose URL is one of the blog's own pages (the index, archive, search)
 * or a file the build writes (`/feed.xml`, `/sitemap.xml`, anything under
 * `/_next/`) is not published, and the build stops until its permalink
 * changes: one of the two would silently replace the other.
 */
function withoutBuiltFileUrls(config: SiteConfig, categoryPaths: ReadonlySet<string>, posts: SitePost[], problems: ContentProblem[]): SitePost[] {
  return posts.filter((post) => {
    const taken = blogPageAt(config, post.url) ?? builtFileAt(config, categoryPaths, post.url);
    if (!taken) return true;
    problems.push(problem({
      rule: "permalink/reserved", file: post.source, line: post.fieldLines.permalink, field: "permalink",
      message: `URL ${post.url} belongs to the blog's own pages and files (${taken}); the post is not published there`,
      found: post.url, expected: "a URL that none of the blog's own pages and files use (the index and its pages, archive, search, feeds, sitemap.xml, robots.txt, 404.html, /_next/, /pagefind/, /og/, /feeds/, /static-files/)",
      hint: "give the post another `permalink`",
    }));
    return false;
  });
}

/**
 * Static files are copied where Jekyll puts them, unless the blog writes a
 * page there (`about/index.html` under a post at /about/) or one of its own
 * files (a hand-written `robots.txt` or `sitemap.xml`): the blog's file wins,
 * and the static file is reported rather than silently replacing it.
 */
function publishableStaticFiles(
  content: ContentSnapshot, categoryPaths: ReadonlySet<string>, routes: Map<string, Route>, problems: ContentProblem[],
): Map<string, string> {
  // Each page's file, and the path without the slash or `.html` (`/about` for /about/ or /about.html):
  // a static file named `about` would stand where the page's folder goes, or be served at the page's URL.
  const pageFiles = new Map<string, string>();
  for (const route of routes.values()) {
    const file = exportPathOf(route.path);
    pageFiles.set(file.endsWith("/") ? `${file}index.html` : file, route.path);
    const bare = routeKey(route.path);
    if (bare && (file.endsWith("/") || isServedFromHtmlFile(route.path))) pageFiles.set(bare, route.path);
  }
  const published = new Map<string, string>();
  for (const [url, file] of content.assets.files) {
    const page = pageFiles.get(url);
    const taken = page !== undefined ? `the page ${page || "/"}` : builtFileAt(content.config, categoryPaths, url);
    if (!taken) {
      published.set(url, file);
      continue;
    }
    problems.push(problem({
      rule: "file/conflict", file: url.slice(1),
      message: `Not copied: the blog writes ${taken} at ${url}`,
      found: url, expected: "a static file at a URL the blog does not use itself",
      hint: "rename or move the file, or `exclude` it in _config.yml",
    }));
  }
  return published;
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.rule}|${p.file}|${p.line}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Posts grouped by year (in the site's timezone), in the order given: the archive's sections. */
export function postsByYear(posts: readonly SitePost[], timezone: string): [number, SitePost[]][] {
  const years = new Map<number, SitePost[]>();
  for (const post of posts) {
    const year = partsInZone(post.date, timezone).year;
    const list = years.get(year);
    if (list) list.push(post);
    else years.set(year, [post]);
  }
  return [...years.entries()];
}
