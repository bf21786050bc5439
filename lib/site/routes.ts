import type { SiteConfig } from "@/lib/config";
import { problem, type ContentProblem } from "@/lib/content/problems";
import { categoryFeedPaths, siteFeedPaths } from "@/lib/feeds/paths";
import { expandPermalink } from "@/lib/permalinks";
import type { Listing, SitePost } from "./model";

/** Every page the site builds, by URL. */
export type Route =
  | { kind: "post"; path: string; post: SitePost }
  | { kind: "listing"; path: string; listing: Listing; page: number; pageCount: number }
  | { kind: "archive"; path: string }
  | { kind: "search"; path: string }
  | { kind: "redirect"; path: string; to: string; reason: string };

/** The key a URL path is stored under: no trailing slash, so `/a/` and `/a` are one page. */
export function routeKey(path: string): string {
  return path.replace(/\/+$/, "");
}

/**
 * Where the export writes a page, as a URL path. Jekyll writes a URL without a
 * trailing slash or `.html` (`permalink: /:title`) as the file `title.html`,
 * which static hosts serve at `/title`; the export does the same (Next.js
 * exports a page whose last segment ends in `.html` as a folder, and
 * scripts/finalize-export.mjs makes it a file). Any other URL is a folder's index.
 */
export function exportPathOf(path: string): string {
  return path.endsWith("/") || /\.html?$/i.test(path) ? path : `${path}.html`;
}

/**
 * Whether a post's page is in the search index: published posts, never the drafts or scheduled
 * posts of a --drafts/--future build. The page marks its title and body for Pagefind (PostView).
 */
export function isSearchable(post: SitePost): boolean {
  return post.status === "published";
}

/**
 * The files of the export (paths relative to it, `blog/a/index.html`) whose pages the search index
 * holds: the pages of searchable posts. The build hands them to Pagefind instead of reading every
 * page of the export to find them (2 s at 10,000 posts, before indexing could start).
 */
export function searchablePageFiles(routes: Iterable<Route>): string[] {
  const files: string[] = [];
  for (const route of routes) {
    if (route.kind !== "post" || !isSearchable(route.post)) continue;
    const file = exportPathOf(route.path);
    files.push(`${file.slice(1)}${file.endsWith("/") ? "index.html" : ""}`);
  }
  return files;
}

/** True when a URL is served from a file of its own name plus `.html` (see exportPathOf). */
export function isServedFromHtmlFile(path: string): boolean {
  return exportPathOf(path) !== path;
}

/** URL path -> Next.js catch-all segments. */
export function segmentsOf(path: string): string[] {
  return routeKey(path).split("/").filter(Boolean);
}

/** How many pages a listing has. */
export function pageCountOf(config: SiteConfig, listing: Listing): number {
  return config.paginate ? Math.max(1, Math.ceil(listing.posts.length / config.perPage)) : 1;
}

/** The posts on page `n` of a listing. */
export function postsOnPage(config: SiteConfig, listing: Listing, n: number): SitePost[] {
  if (!config.paginate) return listing.posts;
  const start = (n - 1) * config.perPage;
  return listing.posts.slice(start, start + config.perPage);
}

/** URL path of page `n` of a listing. */
export function listingPagePath(config: SiteConfig, listing: Listing, n: number): string {
  if (n <= 1) return listing.path;
  if (listing.kind === "home") return config.routes.page.replace(":num", String(n));
  return `${listing.path.replace(/\/?$/, "/")}page/${n}/`;
}

/**
 * Folders the build writes besides pages: Next.js's assets, the search index,
 * share images, and feeds and static files before they move to their paths.
 * A page there would overwrite them or be shadowed.
 */
const BUILD_FOLDERS = ["/_next", "/pagefind", "/og", "/feeds", "/static-files"];

/** Files the build writes (sitemap, robots, the 404 page, the icon, public/js). */
const BUILD_FILES = new Map([
  ["/sitemap.xml", "the sitemap"], ["/robots.txt", "robots.txt"], ["/404.html", "the 404 page"], ["/404", "the 404 page"],
  ["/_not-found", "the 404 page"], ["/icon.svg", "the site icon"], ["/index.txt", "the home page's data file"],
  ["/js/site.js", "the site's script"], ["/js/search.js", "the search script"],
]);

/**
 * What the build writes at a URL path besides the route table's pages, or
 * undefined when nothing is: a post there would overwrite it (or Next.js
 * would stop the build with an internal error).
 */
export function builtFileAt(config: SiteConfig, categoryPaths: Iterable<string>, path: string): string | undefined {
  const key = routeKey(path);
  const folder = BUILD_FOLDERS.find((f) => key === f || key.startsWith(`${f}/`));
  if (folder) return `the folder ${folder}/`;
  const file = BUILD_FILES.get(key);
  if (file) return file;
  if (Object.values(siteFeedPaths(config)).some((feed) => routeKey(feed) === key)) return "a site-wide feed";
  for (const category of categoryPaths) {
    if (Object.values(categoryFeedPaths(config, category)).some((feed) => routeKey(feed) === key)) return `the feed of the category at ${category}`;
  }
  return undefined;
}

interface RouteInput {
  config: SiteConfig;
  posts: SitePost[];
  home: Listing;
  listings: Listing[];
  /** The categories' page paths, whose feeds no redirect may take. */
  categoryPaths: ReadonlySet<string>;
  problems: ContentProblem[];
}

/**
 * Which of the blog's own pages lives at a URL path: the site root, the index
 * and its pages, the archive, search. A post there would replace it, so
 * posts never get these URLs (see withoutBuiltFileUrls in model.ts).
 */
export function blogPageAt(config: SiteConfig, path: string): string | undefined {
  const key = routeKey(path);
  if (key === "") return "the site root, which shows the index";
  if (key === routeKey(config.routes.home)) return "the index";
  if (key === routeKey(config.routes.archive)) return "the archive page";
  if (key === routeKey(config.routes.search)) return "the search page";
  const pages = new RegExp(`^${routeKey(config.routes.page).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(":num", "\\d+")}$`);
  if (pages.test(key)) return "a page of the index";
  return undefined;
}

/**
 * The route table. The blog's own pages (index, archive, search) and the
 * posts claim their URLs first (posts never take the blog's pages' URLs),
 * then category, tag and author pages, then redirects from old URLs, which
 * never replace a page.
 */
export function buildRoutes({ config, posts, home, listings, categoryPaths, problems }: RouteInput): Map<string, Route> {
  const routes = new Map<string, Route>();
  // Posts are unique by URL by now (see keepOnePostPerUrl and withoutBuiltFileUrls).
  for (const post of posts) {
    routes.set(routeKey(post.url), post.redirectTo
      ? { kind: "redirect", path: post.url, to: post.redirectTo, reason: `redirect_to in ${post.source}` }
      : { kind: "post", path: post.url, post });
  }
  const describe = (route: Route) =>
    route.kind === "post" ? `the post ${route.post.source}`
      : route.kind === "listing" ? `${route.page > 1 ? `page ${route.page} of ` : ""}the ${route.listing.kind} page "${route.listing.title}"`
      : `the ${route.kind} page`;
  /** A page that loses its URL is not built; the problem names what took it, and the file that made the losing page. */
  const claim = (route: Route, source?: { file: string; line?: number; field: string }): boolean => {
    const key = routeKey(route.path);
    const existing = routes.get(key);
    if (existing) {
      // A post whose own `permalink` took the page's URL is where the mistake is, not the posts the page lists.
      const takenBy = existing.kind === "post" && existing.post.fieldLines.permalink !== undefined ? existing.post : undefined;
      if (takenBy) {
        problems.push(problem({
          rule: "permalink/duplicate", file: takenBy.source, line: takenBy.fieldLines.permalink, field: "permalink",
          message: `The post's permalink ${takenBy.url} is the URL of ${describe(route)}, which is therefore not built`,
          found: takenBy.url, expected: "one page per URL", hint: "give the post another `permalink`",
        }));
        return false;
      }
      problems.push(problem({
        rule: "permalink/duplicate", file: source?.file ?? "_config.yml", line: source?.line, field: source?.field,
        message: `${describe(route)} would be at ${route.path}, which is ${describe(existing)}; it is not built`,
        found: route.path, expected: "one page per URL",
        hint: source ? `rename the ${source.field === "categories" ? "category" : source.field === "tags" ? "tag" : "author"}, or change \`routes\` in _config.yml` : "change the `routes` setting in _config.yml",
      }));
      return false;
    }
    routes.set(key, route);
    return true;
  };
  const claimPages = (listing: Listing, source?: { file: string; line?: number; field: string }) => {
    const pageCount = pageCountOf(config, listing);
    // A listing whose first page is not built has no later pages either: they would link back to what took its URL.
    for (let page = 1; page <= pageCount; page++) {
      if (!claim({ kind: "listing", path: listingPagePath(config, listing, page), listing, page, pageCount }, source) && page === 1) break;
    }
  };
  claimPages(home);
  // The site root shows the index too when the blog lives under /blog/.
  const homePage = routes.get(routeKey(home.path));
  if (homePage && !routes.has("")) routes.set("", { ...homePage, path: "/" });
  claim({ kind: "archive", path: config.routes.archive });
  claim({ kind: "search", path: config.routes.search });
  for (const listing of listings) {
    // The oldest post with the category, tag or author named it first.
    const first = listing.posts.at(-1);
    const keys = { category: ["categories", "category"], tag: ["tags", "tag"], author: ["authors", "author", "about_authors"], home: [] }[listing.kind];
    const field = keys[0]!;
    const line = first && keys.map((key) => first.fieldLines[key]).find((l) => l !== undefined);
    claimPages(listing, first && { file: first.source, line, field });
  }
  // Old URLs stay alive: each post's `redirect_from`, and the URL each legacy pattern gives it.
  const redirect = (from: string, post: SitePost, reason: string, explicit: boolean) => {
    const key = routeKey(from);
    if (key === routeKey(post.url)) return;
    const existing = routes.get(key);
    if (existing) {
      // A legacy pattern's URL that a page has now is that page's; a redirect_from written by hand is a mistake.
      if (explicit && !(existing.kind === "redirect" && existing.to === post.url)) {
        problems.push(problem({
          rule: "permalink/duplicate", file: post.source, line: post.fieldLines.redirect_from, field: "redirect_from",
          message: `No redirect from ${from}: that URL is ${existing.kind === "redirect" ? `already a redirect to ${existing.to} (${existing.reason})` : describe(existing)}`,
          found: from, expected: "an old URL that no page or other redirect uses", hint: `remove ${from} from \`redirect_from\``,
        }));
      }
      return;
    }
    const taken = builtFileAt(config, categoryPaths, from);
    if (taken) {
      problems.push(problem({
        rule: "permalink/reserved", file: post.source, line: post.fieldLines.redirect_from, field: "redirect_from", blocksBuild: false,
        message: `No redirect from ${from}: that URL belongs to the blog's own files (${taken})`,
        found: from, expected: "an old URL that none of the blog's own files use", hint: `remove ${from} from \`redirect_from\` (${reason})`,
      }));
      return;
    }
    routes.set(key, { kind: "redirect", path: from, to: post.url, reason });
  };
  // Redirects written by hand first: a legacy pattern's URL never takes one from them.
  for (const post of posts) for (const from of post.redirectFrom) redirect(from, post, `redirect_from in ${post.source}`, true);
  const badPatterns = new Set<string>();
  for (const post of posts) {
    for (const pattern of config.redirectPermalinks) {
      const old = expandPermalink(pattern, { categories: post.categories.map((c) => c.raw), slug: post.slug, date: post.date, timezone: config.timezone });
      if (old.ok) redirect(old.path, post, `redirect_permalinks pattern ${pattern}`, false);
      else if (!badPatterns.has(pattern)) {
        badPatterns.add(pattern);
        problems.push(problem({
          rule: "config/invalid", file: "_config.yml", field: "redirect_permalinks", found: JSON.stringify(pattern),
          message: `Legacy permalink pattern ${pattern} cannot be expanded (${old.reason}: ${old.detail}); it makes no redirects`,
          expected: "a pattern with Jekyll placeholders such as /blog/:year/:month/:day/:title.html", blocksBuild: false,
        }));
      }
    }
  }
  return withOnePagePerFile(routes, problems);
}

/**
 * `/a` and `/a.html` are two URLs but one file, `a.html` (see exportPathOf).
 * Posts are unique by file by now; a listing or redirect that would share a
 * file with an earlier route is not built, as in buildRoutes.
 */
function withOnePagePerFile(routes: Map<string, Route>, problems: ContentProblem[]): Map<string, Route> {
  const byFile = new Map<string, Route>();
  for (const [key, route] of routes) {
    const file = routeKey(exportPathOf(route.path));
    const owner = byFile.get(file);
    if (!owner) {
      byFile.set(file, route);
      continue;
    }
    routes.delete(key);
    if (route.kind === "redirect") continue;
    problems.push(problem({
      rule: "permalink/duplicate", file: "_config.yml", field: "routes",
      message: `${route.path} and ${owner.path} are written to the same file, ${exportPathOf(route.path).slice(1)}; only ${owner.path} is built`,
      found: route.path, expected: "one page per file", hint: "end the URL patterns in `routes` with a slash",
    }));
  }
  return routes;
}
