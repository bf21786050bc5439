import "server-only";
import { loadContent } from "@/lib/content/load";
import { contentRoot } from "@/lib/content/paths";
import { contentFingerprint } from "@/lib/content/watch";
import { formatProblem, sortProblems, type ContentProblem } from "@/lib/content/problems";
import { buildSite, type Site, type SitePost } from "./model";
import { postId } from "./post-ids";
import { exportPathOf, routeKey, type Route } from "./routes";
import { currentMode } from "./visibility";

export type { Listing, Site, SitePost } from "./model";
export { postsByYear } from "./model";
export type { Route } from "./routes";
export { exportPathOf, isSearchable, isServedFromHtmlFile, listingPagePath, postsOnPage, routeKey, searchablePageFiles, segmentsOf } from "./routes";
export { postId } from "./post-ids";

interface Cached {
  key: string;
  site: Site;
  /** The problems that stop a production build, found once: every page asks, several times. */
  blocking: ContentProblem[];
}

// One site model per process (Next.js renders pages in several workers; each builds it once).
const cache = ((globalThis as { __blogSite?: { current?: Cached } }).__blogSite ??= {});

/** Thrown by a production build when content has problems that prevent correct pages. */
export class ContentBuildError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The blog cannot be built: ${problems.length} content problem${problems.length === 1 ? "" : "s"} must be fixed first.\n` +
        sortProblems(problems).map(formatProblem).join("\n"),
    );
    this.name = "ContentBuildError";
  }
}

/**
 * The site model for this process. A production build fails on blocking
 * problems; `next dev` keeps going and shows problems on the pages.
 */
export function getSite(): Site {
  const root = contentRoot();
  const key = `${root}:${contentFingerprint(root)}`;
  if (cache.current?.key !== key) {
    const content = loadContent(root);
    const site = buildSite(content, currentMode(content.config.future, content.config.showDrafts));
    cache.current = { key, site, blocking: site.problems.filter((p) => p.blocksBuild && p.severity === "error") };
  }
  const { site, blocking } = cache.current;
  if (process.env.NODE_ENV === "production" && blocking.length > 0) throw new ContentBuildError(blocking);
  return site;
}

/** The page at Next.js's segments: its URL's, or its export path's (`/a.html` for `/a`, see exportPathOf). */
export function findRoute(site: Site, segments: readonly string[]): Route | undefined {
  const path = pathOfSegments(segments);
  const route = site.routes.get(routeKey(path));
  if (route) return route;
  const withoutExtension = site.routes.get(routeKey(path.replace(/\.html?$/i, "")));
  return withoutExtension && exportPathOf(withoutExtension.path) === path ? withoutExtension : undefined;
}

/**
 * Next.js's catch-all segments -> the URL path as the site model holds it.
 * Next.js hands over non-ASCII segments percent-encoded (`%E6%97%A5` for `日`),
 * while the model holds them as written. A URL of the site never holds a
 * literal `%` (lib/permalinks refuses it), so decoding is safe; a malformed
 * sequence is kept as it is, and matches nothing.
 */
export function pathOfSegments(segments: readonly string[]): string {
  return `/${segments.map((segment) => {
    if (!segment.includes("%")) return segment;
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }).join("/")}`;
}

/** The newer and the older post next to `post` in the site's order. */
export function neighbours(site: Site, post: SitePost): { previous?: SitePost; next?: SitePost } {
  const index = site.positions.get(post) ?? -1;
  return index < 0 ? {} : { next: site.posts[index - 1], previous: site.posts[index + 1] };
}

/** Problems of one content file, for showing on its page in `next dev`. */
export function problemsOf(site: Site, source: string): ContentProblem[] {
  return site.problems.filter((p) => p.file === source);
}

const postsById = new WeakMap<Site, Map<string, SitePost>>();

/** The visible post with this id (see postId), if any. */
export function findPostById(site: Site, id: string): SitePost | undefined {
  let byId = postsById.get(site);
  if (!byId) {
    byId = new Map(site.posts.map((post) => [postId(post), post]));
    postsById.set(site, byId);
  }
  return byId.get(id);
}

