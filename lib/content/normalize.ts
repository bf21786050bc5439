import { createHash } from "node:crypto";
import path from "node:path";
import { deepMerge, type SiteConfig } from "@/lib/config";
import { capSlug, checkPath, expandPermalink, slugify, tagSlug, type PermalinkResult } from "@/lib/permalinks";
import { excerptOf } from "@/lib/markdown/excerpt";
import type { AssetIndex } from "./assets";
import { dateFromFileName, liquidTime, parseDate, ymdInZone } from "./dates";
import { frontMatterDefaults } from "./defaults";
import { splitFrontMatter } from "./front-matter";
import type { Author, Category, ImageAsset, Post, PostFormat, Tag } from "./post";
import { problem, quote, type ContentProblem, type ProblemInput } from "./problems";
import { closest } from "./suggest";
import { decodeCharacterReferences } from "./text";
import { FIELD_EXPECTATIONS, RESERVED_KEY_HINTS, frontMatterSchema, KNOWN_KEYS, type FrontMatter } from "./schema";

export interface NormalizeContext {
  config: SiteConfig;
  /** Profiles by id. */
  authorsById: ReadonlyMap<string, Author>;
  /** Profiles by lowercased id, name and full name (a name may match several). */
  authorsByName: ReadonlyMap<string, readonly Author[]>;
  assets: AssetIndex;
}

export interface SourceFile {
  /** Path relative to the content root. */
  source: string;
  text: string;
  draft: boolean;
  /** Modification time; a draft without a date is dated by it, as Jekyll does. */
  mtime: Date;
  /** Default: Markdown. */
  format?: PostFormat;
  /** Categories given by the file's folder (`events/_posts/...`), before those in front matter, as in Jekyll. */
  pathCategories?: string[];
}

// A whole value that is a placeholder (any case), or an all-caps marker inside a value;
// "Building a todo app" is a title, not a placeholder.
const PLACEHOLDER_VALUE = /^\s*(x{2,}|todo|tbd|fixme|tba|lorem ipsum)\s*$/i;
const PLACEHOLDER_MARKER = /\b(XXX+|TODO|TBD|FIXME)\b/;

/** Liquid that lists or links other posts, as Jekyll's `site` and `page` objects offer them. */
const READS_OTHER_POSTS = /\b(?:site\.(?:posts|categories|tags|related_posts)|page\.(?:previous|next))\b/;

/** A post file's `hash`: of its decoded text, the key of its rendered HTML in the cache. */
export function textHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Front matter and file name -> one Post, or the problems that prevent it. */
export function normalizePost(file: SourceFile, ctx: NormalizeContext): { post?: Post; problems: ContentProblem[] } {
  const { config } = ctx;
  const { source } = file;
  const split = splitFrontMatter(file.text, source);
  const problems = [...split.problems];
  if (problems.some((p) => p.blocksBuild)) return { problems };
  const report = (input: Omit<ProblemInput, "file">) => problems.push(problem({ ...input, file: source }));
  const lineOf = (field: string) => split.lineOf([field]);

  // Placeholders first: a field holding `XXX` is reported as such, not as a missing image.
  const placeholderFields = new Set<string>();
  for (const [key, value] of Object.entries(split.data)) {
    for (const text of stringsIn(value)) {
      if (!PLACEHOLDER_VALUE.test(text) && !PLACEHOLDER_MARKER.test(text) && !(key === "date" && /X{2}/i.test(text))) continue;
      placeholderFields.add(key);
      if (key === "date") break; // the date has its own rule below
      report({
        rule: "front-matter/placeholder", line: lineOf(key), field: key,
        message: `\`${key}\` holds a placeholder`, found: quote(text),
        expected: FIELD_EXPECTATIONS[key as keyof FrontMatter] ?? "a real value",
        hint: `replace the placeholder or remove \`${key}\` before publishing`,
      });
      break;
    }
  }

  // Jekyll's `defaults:` in _config.yml, under the post's own front matter.
  const defaults = frontMatterDefaults(config.frontMatterDefaults, source, file.draft);
  const frontMatter = Object.keys(defaults).length > 0 ? deepMerge(defaults, split.data) : split.data;
  const data = validateFields(withTitle(frontMatter, source, report), source, lineOf, problems, placeholderFields);
  if (!data) return { problems };

  for (const key of Object.keys(split.data)) {
    if (!KNOWN_KEYS.has(key)) {
      const guess = closest(key, [...KNOWN_KEYS]);
      report({
        rule: "front-matter/unknown-key", line: lineOf(key), field: key,
        message: `Unknown front matter key \`${key}\``,
        expected: "one of the keys in the README's front matter reference",
        hint: RESERVED_KEY_HINTS[key] ?? (guess ? `did you mean \`${guess}\`?` : "check the spelling, or ignore this if a plugin of yours reads it"),
      });
    }
  }

  const format = file.format ?? "markdown";
  const fileName = path.basename(source);
  const fromName = dateFromFileName(fileName);
  // The date as written: a value of the wrong type (`date: {y: 2024}`) is reported by resolveDate, not dropped.
  // `date:` without a value is not set, as in Jekyll: the file name's date applies.
  const date = resolveDate(file, { ...data, date: (frontMatter.date ?? undefined) as FrontMatter["date"] }, fromName?.ymd, config.timezone, lineOf("date"), report);
  if (!date) return { problems };

  const slug = data.slug ?? fromName?.slug ?? fileName.replace(/\.[^.]+$/, "");
  const categories = resolveCategories([...(file.pathCategories ?? []), ...(data.category ?? []), ...(data.categories ?? [])], config, lineOf, report);
  const tags = uniqueBySlug([...(data.tags ?? []), ...(data.tag ?? [])], config, (raw) =>
    report({ rule: "front-matter/type", line: lineOf("tags") ?? lineOf("tag"), field: "tags", found: quote(raw), message: `Tag ${quote(raw)} has no letters or digits to make a URL from; it is ignored`, expected: "a tag with letters or digits" }),
  );
  const authors = resolveAuthors(data, ctx, lineOf, report);
  const imageField = data.header_image !== undefined ? "header_image" : "image";
  const image = placeholderFields.has(imageField) ? undefined : resolveImage(data.header_image ?? data.image, data.image_alt ?? data.title, ctx, lineOf(imageField), imageField, report);

  // A post's own `permalink` may use placeholders too, as in Jekyll.
  const permalink = expandPermalink(data.permalink ?? config.permalink, { categories: categories.map((c) => c.raw), slug, date, timezone: config.timezone });
  if (!permalink.ok) {
    const fromPost = data.permalink !== undefined;
    // A bad pattern in _config.yml is the config's problem; a bad URL from a good pattern comes from the post's own values (a category).
    const inConfig = !fromPost && permalink.reason === "unknown-placeholder";
    const line = fromPost ? lineOf("permalink") : inConfig ? undefined : lineOf("categories") ?? lineOf("category");
    problems.push(permalinkProblem(permalink, inConfig ? "_config.yml" : source, line, data.permalink ?? config.permalink, source, fromPost));
    return { problems };
  }
  const redirectFrom: string[] = [];
  for (const [index, raw] of (data.redirect_from ?? []).entries()) {
    const checked = checkPath(raw);
    if (checked.ok) redirectFrom.push(checked.path);
    else problems.push(problem({ ...permalinkProblem(checked, source, split.lineOf(["redirect_from", index]) ?? lineOf("redirect_from"), raw, source), blocksBuild: false }));
  }

  const post: Post = {
    source,
    // A `published` that is not a boolean ("false", 0, "maybe") is reported and, to be safe, not published.
    draft: file.draft || data.published === false || (frontMatter.published !== undefined && typeof frontMatter.published !== "boolean"),
    slug,
    title: decodeCharacterReferences(data.title),
    date,
    updated: lastModified(frontMatter.last_modified_at, config.timezone, lineOf("last_modified_at"), report),
    categories,
    tags,
    authors,
    image,
    headerOverlay: data.header_overlay ?? false,
    headerPosition: data.header_position ?? "center",
    toc: data.toc,
    inSitemap: data.sitemap !== false,
    excerpt: optionalText(data.excerpt ?? data.description) ?? excerptOf(split.body, format, data.excerpt_separator ?? config.excerptSeparator, {
      site: { ...config.raw, title: config.title, description: config.description, url: config.url, baseurl: config.baseurl, timezone: config.timezone },
      page: { ...frontMatter, title: data.title, date: liquidTime(date, config.timezone), slug, url: permalink.path },
    }),
    url: permalink.path,
    redirectFrom,
    redirectTo: redirectTarget(data, lineOf, report),
    layout: data.layout ?? "post",
    body: split.body,
    format,
    bodyLine: split.bodyLine,
    hash: textHash(file.text),
    readsOtherPosts: READS_OTHER_POSTS.test(split.body),
    wordCount: countWords(format === "html" ? split.body.replace(/<[^>]*>/g, " ") : split.body),
    data: frontMatter,
    fieldLines: Object.fromEntries(Object.keys(split.data).flatMap((key) => {
      const line = lineOf(key);
      return line === undefined ? [] : [[key, line]];
    })),
  };
  return { post, problems };
}

/** `redirect_to: URL` (or al-folio's `redirect:`), if it is a web address or a path of the site. */
function redirectTarget(data: FrontMatter, lineOf: (field: string) => number | undefined, report: (p: Omit<ProblemInput, "file">) => void): string | undefined {
  const field = data.redirect_to !== undefined ? "redirect_to" : "redirect";
  const target = (data.redirect_to ?? data.redirect)?.trim();
  if (!target) return undefined;
  if (/^https?:\/\/[^/\s]/i.test(target) || (target.startsWith("/") && !target.startsWith("//"))) return target;
  report({
    rule: "front-matter/type", line: lineOf(field), field, found: quote(target),
    message: `\`${field}\` is not a web address or a path of the site; the post is published without forwarding`,
    expected: FIELD_EXPECTATIONS[field],
  });
  return undefined;
}

/**
 * A post without `title` (or with an empty `title:`) gets one from its file
 * name, as Jekyll gives it (`2024-01-05-release-notes.md` -> "Release Notes"),
 * with a warning: such posts build in Jekyll, so they build here too.
 */
function withTitle(data: Record<string, unknown>, source: string, report: (p: Omit<ProblemInput, "file">) => void): Record<string, unknown> {
  if (data.title !== undefined && data.title !== null) return data;
  const fileName = path.basename(source);
  const slug = typeof data.slug === "string" && data.slug.trim() ? data.slug : dateFromFileName(fileName)?.slug ?? fileName.replace(/\.[^.]+$/, "");
  const title = slug.split("-").filter(Boolean).map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join(" ") || slug;
  report({
    rule: "front-matter/no-title", line: 1, field: "title", found: "no `title`",
    message: `The post has no \`title\`; it is titled "${title}" from its file name, as in Jekyll`,
    expected: FIELD_EXPECTATIONS.title, hint: "add `title: \"...\"` to the front matter",
  });
  return { ...data, title };
}

/** Validates fields one by one, so one bad field is reported and dropped while the rest of the post still builds. */
function validateFields(
  raw: Record<string, unknown>, source: string, lineOf: (field: string) => number | undefined,
  problems: ContentProblem[], placeholders: ReadonlySet<string>,
): FrontMatter | undefined {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (value !== null || key === "title") input[key] = value;
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = frontMatterSchema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (!(key in input) && key !== "title") continue;
      const value = input[key];
      delete input[key];
      if (key === "title") {
        problems.push(problem({
          rule: value === undefined ? "front-matter/required" : "front-matter/type", file: source,
          line: lineOf("title") ?? 1, field: "title", blocksBuild: true,
          message: value === undefined ? "The post has no `title`"
            : value === null || (typeof value === "string" && value.trim() === "") ? "`title` is empty"
            : `\`title\` is not a text: ${issue.message}`,
          found: quote(value), expected: FIELD_EXPECTATIONS.title,
          hint: value === undefined || value === null || typeof value === "string" ? "add `title: \"...\"` to the front matter"
            : Array.isArray(value) ? "write the title as one text: `title: \"...\"`, without `-` or `[...]`"
            : "write the title as one text in quotes: `title: \"...\"`",
        }));
        return undefined;
      }
      if (key === "date" || placeholders.has(key)) continue; // reported by their own rules
      const isEnum = issue.code === "invalid_value";
      if (key === "published") {
        // Jekyll would publish it (any text is true in Ruby); the quotes more likely hide a `false`, so the post waits.
        problems.push(problem({
          rule: "front-matter/type", file: source, line: lineOf(key), field: key,
          message: `\`published\` is ${typeof value === "string" ? "a quoted text" : `a ${Array.isArray(value) ? "list" : typeof value}`}, not true or false; to be safe the post is not published`,
          found: quote(value), expected: "`published: false` or `published: true`, without quotes",
          hint: typeof value === "string" ? `write \`published: ${/^(true|yes|on)$/i.test(value.trim()) ? "true" : "false"}\` without quotes` : undefined,
        }));
        continue;
      }
      problems.push(problem({
        rule: isEnum ? "front-matter/allowed-values" : "front-matter/type", file: source, line: lineOf(key), field: key,
        message: `\`${key}\`${lineOf(key) === undefined && key in raw ? " (from `defaults` in _config.yml)" : ""} has ${isEnum ? "a value that is not allowed" : "the wrong type"}; it is ignored`,
        found: quote(value), expected: FIELD_EXPECTATIONS[key as keyof FrontMatter] ?? issue.message,
      }));
    }
  }
  return undefined;
}

function resolveDate(
  file: SourceFile, data: FrontMatter, nameYmd: string | undefined, timezone: string,
  line: number | undefined, report: (p: Omit<ProblemInput, "file">) => void,
): Date | undefined {
  const fallback = nameYmd ? okDate(nameYmd, timezone) : file.draft ? file.mtime : undefined;
  const fallbackText = nameYmd ? `the file name's date ${nameYmd}` : "the file's modification time";
  if (data.date === undefined) {
    if (!fallback && nameYmd) {
      report({
        rule: "date/invalid", line: 1, field: "date", found: quote(nameYmd), blocksBuild: true,
        message: `The file name's date ${nameYmd} is not a real date, and front matter has no \`date\``,
        expected: "a calendar date in the file name (YYYY-MM-DD-slug.md)", hint: "rename the file with a real date, or add `date: YYYY-MM-DD` to the front matter",
      });
    } else if (!fallback) {
      report({ rule: "date/invalid", line: 1, field: "date", message: "The post has no date", expected: "`date: YYYY-MM-DD` in front matter or a file name starting with YYYY-MM-DD-", blocksBuild: true });
    }
    return fallback;
  }
  const parsed = parseDate(data.date, timezone);
  if (parsed.kind === "placeholder") {
    report({
      rule: "date/placeholder", line, field: "date", found: quote(data.date),
      message: "`date` is a placeholder", expected: "a real date such as `2017-05-11 07:00:00`",
      hint: file.draft ? "set the publication date before moving the post to _posts/" : "set a real date, or move the post to _drafts/ until it has one",
      blocksBuild: !fallback,
    });
    return fallback;
  }
  if (parsed.kind === "invalid") {
    report({
      rule: "date/invalid", line, field: "date", found: quote(data.date),
      message: `\`date\` is not a date${fallback ? `; ${fallbackText} is used` : ""}`,
      expected: "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, optionally with an offset such as +0100 (or `Jan 7, 2020 10:30`)",
      blocksBuild: !fallback,
    });
    return fallback;
  }
  if (parsed.lenient) {
    report({ rule: "date/lenient", line, field: "date", found: quote(data.date), message: "`date` has stray characters after the date", expected: "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS", hint: "remove the characters after the date" });
  }
  const zonedYmd = ymdInZone(parsed.date, timezone);
  if (nameYmd && zonedYmd !== nameYmd) {
    // `2024-01-01 23:30 -0500` reads as the file name's day, but in the site's timezone it is the next one.
    const writtenDay = typeof data.date === "string" && data.date.trim().startsWith(nameYmd);
    report({
      rule: "date/file-name-mismatch", line, field: "date", found: `${quote(data.date)} in front matter and ${nameYmd} in the file name`,
      message: writtenDay
        ? `The front matter date is ${zonedYmd} in the site's timezone (${timezone}), which its URL and page use, but the file name says ${nameYmd}`
        : "The front matter date and the file name's date differ; the front matter date is used",
      expected: "the same day in both",
      hint: writtenDay ? `set \`timezone:\` in _config.yml to the zone the dates are written in, or rename the file to ${zonedYmd}-...` : "rename the file or correct the date",
    });
  }
  return parsed.date;
}

function okDate(value: string | Date, timezone: string): Date | undefined {
  const parsed = parseDate(value, timezone);
  return parsed.kind === "ok" ? parsed.date : undefined;
}

function resolveCategories(
  values: string[], config: SiteConfig, lineOf: (field: string) => number | undefined,
  report: (p: Omit<ProblemInput, "file">) => void,
): Category[] {
  const known = Object.keys(config.categoryNames);
  const byLower = new Map(known.map((key) => [key.toLowerCase(), key]));
  const result: Category[] = [];
  for (const raw of values) {
    const slug = slugify(raw);
    if (!slug) {
      report({ rule: "front-matter/type", line: lineOf("category") ?? lineOf("categories"), field: "category", found: quote(raw), message: `Category ${quote(raw)} has no letters or digits to make a URL from; it is ignored`, expected: "a name with letters or digits" });
      continue;
    }
    if (result.some((c) => c.slug === slug)) continue;
    const key = byLower.get(raw.toLowerCase()) ?? byLower.get(slug);
    if (key === undefined && known.length > 0) {
      const field = lineOf("category") !== undefined ? "category" : "categories";
      const suggestion = closest(raw, known);
      report({
        rule: "taxonomy/unknown-category", line: lineOf(field), field, found: quote(raw),
        message: `Category \`${raw}\` is not in category_list`,
        expected: `one of ${known.join(", ")}`,
        hint: suggestion ? `did you mean \`${suggestion}\`? Or add \`${raw}\` to category_list in _config.yml` : `add \`${raw}\` to category_list in _config.yml`,
      });
    }
    result.push({ slug, name: key !== undefined ? config.categoryNames[key]! : raw, raw, url: fillRoute(config.routes.category, "category", slug) });
  }
  return result;
}

function uniqueBySlug(values: string[], config: SiteConfig, onEmpty: (raw: string) => void): Tag[] {
  const tags: Tag[] = [];
  for (const name of values) {
    const slug = tagSlug(name);
    if (!slug) onEmpty(name);
    else if (!tags.some((t) => t.slug === slug)) tags.push({ slug, name, url: fillRoute(config.routes.tag, "tag", slug) });
  }
  return tags;
}

/**
 * `about_authors` are profile ids; `authors`/`author` are display names. When
 * both lists have the same length they describe the same people in order
 * (the ePages convention); otherwise names are matched to profiles by name.
 */
function resolveAuthors(
  data: FrontMatter, ctx: NormalizeContext, lineOf: (field: string) => number | undefined,
  report: (p: Omit<ProblemInput, "file">) => void,
): Author[] {
  const ids = data.about_authors ?? [];
  // "Julia, Serena" in one string is two people.
  const names = [...(data.authors ?? []), ...(data.author ?? [])].flatMap((name) => name.split(/\s*,\s*|\s+(?:&|and)\s+/)).filter(Boolean);
  const result: Author[] = [];
  const add = (author: Author) => {
    if (!result.some((a) => a.slug === author.slug)) result.push(author);
  };
  const resolvedIds: (Author | undefined)[] = ids.map((id) => {
    const author = ctx.authorsById.get(id) ?? ctx.authorsById.get(id.toLowerCase());
    if (!author) {
      const suggestion = closest(id, [...ctx.authorsById.keys()]);
      report({
        rule: "authors/unknown-id", line: lineOf("about_authors"), field: "about_authors", found: quote(id),
        message: `Author id \`${id}\` is not in _data/authors.yml`, expected: "an `id` of _data/authors.yml",
        hint: suggestion ? `did you mean \`${suggestion}\`? Or add a profile with \`id: ${id}\`` : `add a profile with \`id: ${id}\` to _data/authors.yml`,
      });
    }
    return author;
  });
  resolvedIds.forEach((author) => author && add(author));
  const pairedByPosition = ids.length > 0 && ids.length === names.length;
  names.forEach((name, index) => {
    if (pairedByPosition && resolvedIds[index]) return;
    const lower = name.toLowerCase();
    if (result.some((a) => [a.slug, a.name, a.fullName].some((n) => n.toLowerCase() === lower))) return;
    const matches = ctx.authorsByName.get(lower) ?? [];
    if (matches.length === 1) return add(matches[0]!);
    if (ctx.authorsById.size > 0) {
      report({
        rule: "authors/no-profile", line: lineOf(data.authors ? "authors" : "author"), field: data.authors ? "authors" : "author", found: quote(name),
        message: matches.length > 1 ? `Author name \`${name}\` matches several profiles` : `Author \`${name}\` has no profile in _data/authors.yml`,
        expected: matches.length > 1 ? `one of the ids ${matches.map((m) => m.slug).join(", ")} in \`about_authors\`` : "a profile, so the post can show an avatar and bio",
        hint: matches.length > 1 ? "add the author's id to `about_authors`" : `add a profile for \`${name}\` to _data/authors.yml, or leave it: the byline shows the name without avatar or bio`,
      });
    }
    const slug = slugify(name) || "author";
    add({ slug, name, fullName: name, description: "", links: [], hasProfile: false, url: fillRoute(ctx.config.routes.author, "author", slug) });
  });
  return result;
}

/** A listing route pattern (`/blog/tags/:tag/`) filled with a slug (cut to fit a folder name). */
export function fillRoute(pattern: string, name: string, slug: string): string {
  return pattern.replace(`:${name}`, capSlug(slug));
}

/** An image reference from front matter -> its URL and whether the file exists. */
export function resolveImage(
  value: FrontMatter["image"], alt: string, ctx: NormalizeContext, line: number | undefined, field: string,
  report: (p: Omit<ProblemInput, "file">) => void,
): ImageAsset | undefined {
  if (value === undefined) return undefined;
  const ref = typeof value === "string" ? { path: value, alt: undefined, width: undefined, height: undefined } : value;
  const raw = ref.path.trim();
  if (!raw) return undefined;
  if (/^(https?:)?\/\//i.test(raw)) return { src: raw, alt: ref.alt ?? alt, width: ref.width, height: ref.height, exists: true };
  const src = raw.startsWith("/") ? raw : `${ctx.config.headerImagePath}${raw.replace(/^\.\//, "")}`;
  const found = ctx.assets.lookup(src);
  if (!found) {
    report({
      rule: "images/missing", line, field, found: quote(raw),
      message: `Image \`${src}\` does not exist in the content folder`,
      expected: `a file at ${src.replace(/^\//, "")} under the content folder`,
      hint: "add the image or correct the path; the page is built without it",
    });
  }
  return { src, alt: ref.alt ?? alt, width: found?.width ?? ref.width, height: found?.height ?? ref.height, exists: Boolean(found) };
}

function permalinkProblem(
  result: Exclude<PermalinkResult, { ok: true }>, file: string, line: number | undefined, pattern: string, post: string, ownPermalink = true,
): ContentProblem {
  if (result.reason === "unknown-placeholder") {
    return problem({
      rule: "config/invalid", file, line, field: "permalink", found: quote(pattern), blocksBuild: true,
      message: `Permalink pattern has an unknown placeholder ${result.detail} (used by ${post})`,
      expected: "placeholders such as :categories, :title, :slug, :year, :month, :day, :output_ext",
    });
  }
  const from = ownPermalink ? "" : ` (from _config.yml's permalink ${quote(pattern)} and this post's categories and title)`;
  return problem({
    rule: result.reason === "outside-site" ? "permalink/outside-site" : "permalink/unservable", file, line, field: ownPermalink ? "permalink" : "categories",
    found: quote(pattern),
    message: result.reason === "outside-site" ? `URL ${result.detail} escapes the site${from}` : `URL contains ${result.detail}${from}, which a static host cannot serve`,
    expected: "a path inside the site made of letters, digits, `-`, `_`, `.` and `/`",
  });
}

/** Runs of non-space characters, as `/\S+/g` would match them, counted without making a string of each (a tenth of parsing a post). */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** JavaScript's `\s`: ECMAScript's white space and line terminators. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.values(value).flatMap(stringsIn);
  return [];
}

function optionalText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : decodeCharacterReferences(text);
}

/** `last_modified_at`, or a warning saying why it is not used (the post still builds, without an update date). */
function lastModified(value: unknown, timezone: string, line: number | undefined, report: (p: Omit<ProblemInput, "file">) => void): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = parseDate(value, timezone);
  if (parsed.kind === "ok") return parsed.date;
  report({
    rule: "date/invalid", line, field: "last_modified_at", found: quote(value), blocksBuild: false,
    message: "`last_modified_at` is not a date; the post is shown without an update date", expected: FIELD_EXPECTATIONS.last_modified_at,
  });
  return undefined;
}
