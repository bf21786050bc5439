import { z } from "zod";
import { isValidTimezone } from "@/lib/content/dates";
import { parseYaml } from "@/lib/content/yaml";
import { problem, quote, RULES, type ContentProblem, type RuleId, type Severity } from "@/lib/content/problems";
import { expandPermalink, PERMALINK_STYLES, placeholders } from "@/lib/permalinks";
import { closest } from "@/lib/content/suggest";
import { decodeCharacterReferences } from "@/lib/content/text";

/**
 * The site's settings: Jekyll's `_config.yml` keys that a blog reads, plus a
 * few of our own (all optional, with defaults that fit a blog under /blog/).
 * Keys the blog does not use are ignored, as Jekyll ignores plugins' keys.
 */
const routePattern = z.string().regex(/^\//, "must start with /");

const ROUTE_DEFAULTS = {
  home: "/blog/",
  page: "/blog/page/:num/",
  category: "/blog/:category/",
  tag: "/blog/tags/:tag/",
  author: "/blog/authors/:author/",
  archive: "/blog/archive/",
  search: "/blog/search/",
};

/** The placeholder each route pattern takes ("" for none). */
const ROUTE_PLACEHOLDERS = { home: "", page: ":num", category: ":category", tag: ":tag", author: ":author", archive: "", search: "" };

// YAML 1.1 (Jekyll's) reads a bare `off` as false.
const severityOverride = z.union([z.enum(["error", "warning", "info", "off"]), z.literal(false).transform(() => "off" as const)]);

/** A text setting: a string, or a number YAML read from digits; empty means not set. */
const text = (fallback: string) =>
  z.preprocess((value) => (value === null || value === "" ? undefined : value), z.union([z.string(), z.number()], { error: "must be a text" }).transform(String).default(fallback));

/** A locale (`en`, `de-CH`); Jekyll sites often write `en_US`, which means `en-US`. */
const locale = (fallback: string) =>
  z.string().transform((value) => value.trim().replace(/_/g, "-")).refine(isValidLocale, "must be a language tag such as en, en-US or de-CH").default(fallback);

export const configSchema = z.object({
  title: text("Engineering Blog"),
  description: text(""),
  // Empty, as `jekyll new` writes it (`url: ""`), means not set, as in Jekyll.
  url: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.string().url().refine((url) => /^https?:\/\/[^/]/i.test(url), "must be an http:// or https:// origin").default("http://localhost:3000"))
    .transform((url) => url.replace(/\/+$/, "")),
  lang: locale("en"),
  /** Locale for dates on pages; fixed so the HTML never depends on the build machine. */
  date_locale: locale("en-US"),
  timezone: z.string().refine(isValidTimezone, "must be an IANA timezone such as Europe/Berlin").default("UTC"),
  permalink: z.string().default("date"),
  future: z.boolean().default(false),
  show_drafts: z.boolean().default(false),
  category_list: z.record(z.string(), z.coerce.string()).default({}),
  pagination: z.object({
    enabled: z.boolean().optional(),
    per_page: z.coerce.number().int().positive().optional(),
  }).default({}),
  /** jekyll-paginate's keys, accepted as they are. */
  paginate: z.coerce.number().int().positive().optional(),
  paginate_path: z.string().optional(),
  feed: z.object({
    /** The Atom feed (jekyll-feed writes Atom here too). */
    path: routePattern.optional(),
    /** RSS 2.0 and JSON Feed 1.1; default: `rss.xml` and `feed.json` next to `path`. */
    rss_path: routePattern.optional(),
    json_path: routePattern.optional(),
    /** Newest posts per feed. */
    limit: z.coerce.number().int().positive().default(20),
  }).default({ limit: 20 }),
  routes: z.object({
    home: routePattern, page: routePattern, category: routePattern, tag: routePattern,
    author: routePattern, archive: routePattern, search: routePattern,
  }).partial().default({}),
  /** Folder (URL path) that `header_image` values are relative to. */
  header_image_path: z.string().default("/assets/img/headers/"),
  /** Folder (URL path) that authors' `image` values are relative to. */
  author_image_path: z.string().default("/assets/img/authors/"),
  /** Old permalink patterns; each yields a redirect page to the post's current URL. */
  redirect_permalinks: z.array(z.string()).default([]),
  /** Paths of the site that this blog does not build (e.g. /about/); links to them are not broken. */
  external_paths: z.array(z.string()).default([]),
  /** Jekyll's: files and folders (paths or globs) that are not copied as static files; Jekyll's defaults are always added. */
  exclude: z.array(z.coerce.string()).default([]),
  /** Jekyll's: files and folders copied although their name starts with `.` or `_` (e.g. `.well-known`). */
  include: z.array(z.coerce.string()).default([]),
  /** Jekyll's: file extensions of Markdown posts (comma-separated); `.html` posts are read too. */
  markdown_ext: z.coerce.string().default("markdown,mkdown,mkdn,mkd,md,mdown"),
  /** Jekyll's: a marker in a post's text (e.g. `<!--more-->`); the excerpt is the text before it. Default: the first paragraph. */
  excerpt_separator: z.coerce.string().optional(),
  /**
   * Jekyll's: the path the site is served under (`/project` on GitHub Pages project sites).
   * Files in out/ stay where Jekyll's _site has them; every URL the blog writes starts with it.
   */
  baseurl: z.union([z.string(), z.number(), z.null()]).transform((value) => normalizeBaseurl(value === null ? "" : String(value)))
    .refine((value) => value !== undefined, "must be a URL path such as /blog, without host, query, fragment or `..`").default(""),
  /** Sanitize raw HTML in posts (for blogs that take outside contributions). */
  sanitize: z.boolean().default(false),
  /** A generated Open Graph card per post without a header image (about 30 ms of build time each). */
  og_cards: z.boolean().default(true),
  /** Ship Next.js's client runtime (React) with every page; off by default: pages need no JavaScript framework. */
  client_runtime: z.boolean().default(false),
  /** Per-rule severity for `npm run check`, e.g. `links/insecure: off`. */
  rules: z.record(z.string(), severityOverride).default({}),
});

type RawConfig = z.infer<typeof configSchema>;

export interface SiteConfig {
  title: string;
  description: string;
  /** The public origin, as in Jekyll's `url` (without `baseurl`). */
  url: string;
  /** Jekyll's `baseurl`: "" or a path such as `/project`, no trailing slash. URLs on pages start with it; files in out/ do not. */
  baseurl: string;
  /** Where the blog's root is: `url` + `baseurl`. Absolute URLs (feeds, sitemap, metadata) start with it. */
  rootUrl: string;
  lang: string;
  dateLocale: string;
  timezone: string;
  permalink: string;
  future: boolean;
  showDrafts: boolean;
  categoryNames: Record<string, string>;
  perPage: number;
  paginate: boolean;
  feedPath: string;
  feedRssPath: string;
  feedJsonPath: string;
  feedLimit: number;
  routes: typeof ROUTE_DEFAULTS;
  headerImagePath: string;
  authorImagePath: string;
  redirectPermalinks: string[];
  externalPaths: string[];
  /** Jekyll's `exclude` and `include`, for the content folder's static files. */
  exclude: string[];
  include: string[];
  /** Lowercased extensions without the dot (`md`, `markdown`, ...). */
  markdownExtensions: string[];
  excerptSeparator?: string;
  sanitize: boolean;
  clientRuntime: boolean;
  ogCards: boolean;
  ruleSeverity: Partial<Record<RuleId, Severity | "off">>;
  /** Jekyll's front matter defaults (`defaults:`), in order; see lib/content/defaults.ts. */
  frontMatterDefaults: FrontMatterDefault[];
  /** The raw settings, for `{{ site.* }}` in Liquid. */
  raw: Record<string, unknown>;
}

/** One entry of Jekyll's `defaults:`: values for the posts under a path (`""`: all) and of a type (`posts`, `drafts`). */
export interface FrontMatterDefault {
  path: string;
  type?: string;
  values: Record<string, unknown>;
}

export interface ConfigSource {
  /** As shown in messages, e.g. `_config.yml`. */
  file: string;
  text: string;
}

/**
 * Settings from one or more YAML files, later files overriding earlier ones
 * key by key, as Jekyll's `--config _config.yml,_config.local.yml` does.
 * Every bad value is reported and replaced by its default, so the rest of the
 * site still loads.
 */
export function parseConfig(sources: ConfigSource[]): { config: SiteConfig; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  let data: Record<string, unknown> = {};
  const lineOf: ((path: readonly (string | number)[]) => { file: string; line?: number })[] = [];
  for (const source of sources) {
    const parsed = parseYaml(source.text);
    for (const error of parsed.errors) {
      problems.push(problem({ rule: "config/yaml-syntax", file: source.file, line: error.line, column: error.column, message: `${source.file} is not valid YAML: ${error.message}`, hint: "fix the YAML syntax at this line" }));
    }
    if (parsed.data && typeof parsed.data === "object" && !Array.isArray(parsed.data)) {
      data = deepMerge(data, parsed.data as Record<string, unknown>);
      lineOf.unshift((path) => ({ file: source.file, line: parsed.lineOf(path) }));
    } else if (parsed.errors.length === 0 && parsed.data != null) {
      // A list or a text: no setting could be read from it, and the defaults would move every URL.
      problems.push(problem({
        rule: "config/invalid", file: source.file, line: 1, blocksBuild: true,
        message: `${source.file} is not a mapping of settings; none of it is used`, found: quote(parsed.data),
        expected: "`key: value` lines such as `title: My blog`", hint: "remove the leading `-` of each line if it is a YAML list",
      }));
    }
  }
  const locate = (path: readonly (string | number)[]) =>
    lineOf.map((find) => find(path)).find((found) => found.line !== undefined) ?? { file: sources.at(-1)?.file ?? "_config.yml" };
  const cleaned: Record<string, unknown> = { ...data };
  // A key written without a value (`timezone:`) is nil in Jekyll, which means not set: the default applies.
  for (const key of Object.keys(configSchema.shape)) if (cleaned[key] === null) delete cleaned[key];
  // Jekyll's posts collection's own permalink wins over the site's (`collections: { posts: { permalink: ... } }`).
  const collections = data.collections;
  const postsPermalink = isPlainObject(collections) && isPlainObject(collections.posts) ? collections.posts.permalink : undefined;
  const permalinkField = typeof postsPermalink === "string" ? ["collections", "posts", "permalink"] : ["permalink"];
  if (typeof postsPermalink === "string") cleaned.permalink = postsPermalink;
  // jekyll-seo-tag and many themes fall back to `name` for the site's title.
  if ((cleaned.title === undefined || cleaned.title === null) && typeof data.name === "string" && data.name.trim()) cleaned.title = data.name;
  // Checked here rather than per post, so the message names the config line once.
  if (typeof cleaned.permalink === "string") {
    const unknown = unknownPlaceholder(cleaned.permalink);
    if (unknown) {
      const where = locate(permalinkField);
      problems.push(problem({
        rule: "config/invalid", file: where.file, line: where.line, field: permalinkField.join("."), found: quote(cleaned.permalink), blocksBuild: true,
        message: `Permalink pattern has an unknown placeholder ${unknown}`,
        expected: "a style (date, pretty, ordinal, none) or placeholders such as :categories, :title, :slug, :year, :month, :day, :output_ext",
        hint: `${suggestPlaceholder(unknown)}until it is fixed, posts are checked with the default \`date\` style`,
      }));
      delete cleaned.permalink;
    } else if (!(cleaned.permalink in PERMALINK_STYLES) && !/:[a-z_]+/i.test(cleaned.permalink)) {
      // A fixed path (`/posts/`) would put every post at one URL: one message here, not one per post.
      const where = locate(permalinkField);
      problems.push(problem({
        rule: "config/invalid", file: where.file, line: where.line, field: permalinkField.join("."), found: quote(cleaned.permalink), blocksBuild: true,
        message: "Permalink pattern has no placeholder, so every post would have the same URL",
        expected: "a style (date, pretty, ordinal, none) or a pattern with a placeholder per post, such as /posts/:title/",
        hint: "add :title (or :slug); until it is fixed, posts are checked with the default `date` style",
      }));
      delete cleaned.permalink;
    }
  }
  if (isPlainObject(data.routes)) {
    const routes: Record<string, unknown> = { ...data.routes };
    for (const [key, value] of Object.entries(data.routes)) {
      const placeholder = ROUTE_PLACEHOLDERS[key as keyof typeof ROUTE_PLACEHOLDERS];
      if (typeof value !== "string" || placeholder === undefined) continue;
      const unknown = (value.match(/:[a-z_]+/gi) ?? []).find((found) => found !== placeholder);
      const missing = placeholder && !value.includes(placeholder) ? placeholder : undefined;
      if (!unknown && !missing) continue;
      const where = locate(["routes", key]);
      problems.push(problem({
        rule: "config/invalid", file: where.file, line: where.line, field: `routes.${key}`, found: quote(value), blocksBuild: false,
        message: unknown ? `Route pattern has an unknown placeholder ${unknown}; the default is used` : `Route pattern lacks ${missing}, so every ${key} page would share one URL; the default is used`,
        expected: placeholder ? `a path with ${placeholder}, such as ${ROUTE_DEFAULTS[key as keyof typeof ROUTE_DEFAULTS]}` : `a path without placeholders, such as ${ROUTE_DEFAULTS[key as keyof typeof ROUTE_DEFAULTS]}`,
      }));
      delete routes[key];
    }
    cleaned.routes = routes;
  }
  if (isPlainObject(data.rules)) {
    for (const id of Object.keys(data.rules)) {
      if (id in RULES) continue;
      const where = locate(["rules", id]);
      const guess = closest(id, Object.keys(RULES));
      problems.push(problem({
        rule: "config/invalid", file: where.file, line: where.line, field: `rules.${id}`, found: quote(id), blocksBuild: false,
        message: `\`rules\` names a rule that does not exist: ${id}`,
        expected: "a rule id from the README's rule table, e.g. links/insecure",
        hint: guess ? `did you mean \`${guess}\`?` : "check the spelling",
      }));
    }
  }
  const defaults = frontMatterDefaultsOf(data.defaults, locate, problems);
  const result = configSchema.safeParse(cleaned);
  if (result.success) return { config: toSiteConfig(result.data, cleaned, defaults), problems };
  const reported = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
    // One problem per setting (a value can fail several checks: `url: not a url`).
    if (reported.has(path.join("."))) continue;
    reported.add(path.join("."));
    const where = locate(path);
    problems.push(problem({
      rule: "config/invalid", file: where.file, line: where.line, field: path.join("."),
      message: `Invalid setting \`${path.join(".")}\`: ${issue.message}; until it is fixed, the check goes on with the default`,
      found: quote(valueAt(data, path)),
      expected: CONFIG_EXPECTATIONS[String(path[0])],
    }));
    delete cleaned[String(path[0])];
  }
  const retry = configSchema.safeParse(cleaned);
  return { config: toSiteConfig(retry.success ? retry.data : configSchema.parse({}), cleaned, defaults), problems };
}

/** `defaults:` as Jekyll reads it; an entry without a `values` mapping is reported and skipped, as Jekyll skips it. */
function frontMatterDefaultsOf(
  value: unknown, locate: (path: readonly (string | number)[]) => { file: string; line?: number }, problems: ContentProblem[],
): FrontMatterDefault[] {
  if (value === undefined || value === null) return [];
  const report = (path: (string | number)[], found: unknown) => {
    const where = locate(path);
    problems.push(problem({
      rule: "config/invalid", file: where.file, line: where.line, field: path.join("."), found: quote(found), blocksBuild: false,
      message: `Invalid front matter default \`${path.join(".")}\`; it is ignored`,
      expected: "a list of `- scope: { path: \"_posts\", type: posts }` with `values:` (a mapping of front matter keys)",
    }));
  };
  if (!Array.isArray(value)) {
    report(["defaults"], value);
    return [];
  }
  const sets: FrontMatterDefault[] = [];
  value.forEach((entry, index) => {
    const scope = isPlainObject(entry) && entry.scope !== undefined && entry.scope !== null ? entry.scope : {};
    if (!isPlainObject(entry) || !isPlainObject(entry.values) || !isPlainObject(scope)) {
      report(["defaults", index], entry);
      return;
    }
    const path = typeof scope.path === "string" ? scope.path.trim().replace(/^\.?\/+/, "").replace(/\/+$/, "") : "";
    sets.push({ path, type: typeof scope.type === "string" ? scope.type : undefined, values: entry.values });
  });
  return sets;
}

/** What each setting expects, for messages about a bad value. */
const CONFIG_EXPECTATIONS: Record<string, string> = {
  url: "the site's public origin, e.g. https://blog.example.com",
  title: "a text",
  description: "a text",
  timezone: "an IANA timezone such as Europe/Berlin or UTC",
  permalink: "a style (date, pretty, ordinal, none) or a pattern such as /blog/:categories/:title/",
  category_list: "a mapping of category slug to display name, e.g. `engineering: Engineering`",
  pagination: "`per_page:` a whole number above 0",
  paginate: "a whole number above 0",
  feed: "`path:` a URL path starting with /, `limit:` a whole number above 0",
  routes: "URL paths starting with /",
  rules: "`RULE_ID: error`, `warning`, `info` or `off`",
  redirect_permalinks: "a list of permalink patterns",
  external_paths: "a list of URL paths such as /about/",
  exclude: "a list of paths or globs relative to the site root, such as `scripts/` or `*.psd`",
  include: "a list of paths relative to the site root, such as `.well-known`",
  future: "`true` or `false`",
  sanitize: "`true` or `false`",
  og_cards: "`true` or `false`",
  client_runtime: "`true` or `false`",
  baseurl: "a URL path such as /blog (or nothing): the path the site is served under, without host or `..`",
  lang: "a language tag such as en, en-US or de-CH",
  date_locale: "a language tag such as en-US or de-DE",
};

/**
 * `baseurl` as a prefix: "" or `/a/b` (a leading slash added, trailing ones
 * dropped, as Jekyll's relative_url treats it). Undefined for what is not a
 * path: a host, a query or a fragment would not make URLs anyone can serve.
 */
export function normalizeBaseurl(value: string): string | undefined {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  if (/^[a-z][a-z\d+.-]*:|^\/\/|[?#\s\\]|(^|\/)\.\.?(\/|$)/i.test(trimmed)) return undefined;
  return `/${trimmed.replace(/^\/+/, "")}`;
}

function isValidLocale(tag: string): boolean {
  try {
    // What pages do with it: dates are formatted in it (lang goes into <html lang> and the search index).
    return Intl.getCanonicalLocales(tag).length === 1 && Boolean(new Intl.DateTimeFormat(tag));
  } catch {
    return false;
  }
}

/** "did you mean :year? " for a misspelt placeholder (`:yaer`), or "". */
function suggestPlaceholder(unknown: string): string {
  const known = Object.keys(placeholders({ categories: [], slug: "x", date: new Date(0), timezone: "UTC" })).map((name) => `:${name}`);
  const guess = closest(unknown, known);
  return guess ? `did you mean ${guess}? Meanwhile, ` : "";
}

function unknownPlaceholder(pattern: string): string | undefined {
  if (pattern in PERMALINK_STYLES) return undefined;
  const result = expandPermalink(pattern, { categories: [], slug: "x", date: new Date(0), timezone: "UTC" });
  return !result.ok && result.reason === "unknown-placeholder" ? result.detail : undefined;
}


/** Jekyll's deep_merge_hashes: mappings merge key by key, anything else is replaced. */
export function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

function toSiteConfig(c: RawConfig, raw: Record<string, unknown>, frontMatterDefaults: FrontMatterDefault[]): SiteConfig {
  const routes = { ...ROUTE_DEFAULTS, ...c.routes };
  // jekyll-paginate writes `/blog/page:num/`; both spellings give the same pages.
  if (c.paginate_path && !c.routes.page) routes.page = c.paginate_path.replace(/\/?$/, "/");
  return {
    title: decodeCharacterReferences(c.title),
    description: decodeCharacterReferences(c.description),
    url: c.url,
    baseurl: c.baseurl!,
    rootUrl: `${c.url}${c.baseurl}`,
    lang: c.lang,
    dateLocale: c.date_locale,
    timezone: c.timezone,
    permalink: c.permalink,
    future: c.future,
    showDrafts: c.show_drafts,
    categoryNames: c.category_list,
    perPage: c.pagination.per_page ?? c.paginate ?? 10,
    paginate: c.pagination.enabled ?? true,
    ...feedPaths(c.feed.path ?? defaultFeedPath(raw), c.feed.rss_path, c.feed.json_path),
    feedLimit: c.feed.limit,
    routes,
    headerImagePath: withSlashes(c.header_image_path),
    authorImagePath: withSlashes(c.author_image_path),
    redirectPermalinks: c.redirect_permalinks,
    externalPaths: c.external_paths,
    exclude: c.exclude,
    include: c.include,
    markdownExtensions: c.markdown_ext.split(",").map((e) => e.trim().replace(/^\./, "").toLowerCase()).filter(Boolean),
    // Jekyll's default separator is a blank line: the first paragraph, which is also the blog's default.
    excerptSeparator: c.excerpt_separator && c.excerpt_separator.trim() !== "" ? c.excerpt_separator : undefined,
    sanitize: c.sanitize,
    clientRuntime: c.client_runtime,
    ogCards: c.og_cards,
    ruleSeverity: c.rules as SiteConfig["ruleSeverity"],
    frontMatterDefaults,
    raw,
  };
}

/** A site that used jekyll-feed (in `plugins`, or `gems` before Jekyll 3.5) had its feed at /feed.xml: subscribers keep it. */
function defaultFeedPath(raw: Record<string, unknown>): string {
  const usedJekyllFeed = [raw.plugins, raw.gems].some((list) => Array.isArray(list) && list.includes("jekyll-feed"));
  return usedJekyllFeed ? "/feed.xml" : "/blog/feed.xml";
}

/** RSS and JSON feeds default to the Atom feed's folder: /blog/feed.xml -> /blog/rss.xml, /blog/feed.json. */
function feedPaths(feedPath: string, rss?: string, json?: string): Pick<SiteConfig, "feedPath" | "feedRssPath" | "feedJsonPath"> {
  const folder = feedPath.replace(/[^/]*$/, "");
  const rssDefault = `${folder}rss.xml` === feedPath ? `${folder}feed.rss.xml` : `${folder}rss.xml`;
  return { feedPath, feedRssPath: rss ?? rssDefault, feedJsonPath: json ?? `${folder}feed.json` };
}

function withSlashes(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
}

/**
 * Whether pages keep Next.js's client runtime: `client_runtime: true`, or
 * BLOG_CLIENT_RUNTIME=1 for one build (the test suite proves both modes). Read
 * here, not stored in the settings, which are cached between builds.
 */
export function usesClientRuntime(config: SiteConfig): boolean {
  return config.clientRuntime || process.env.BLOG_CLIENT_RUNTIME === "1";
}
