import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SiteConfig } from "@/lib/config";
import { configText, readConfig, readIfPresent } from "@/lib/config/files";
import { indexAssets, type AssetIndex } from "./assets";
import { parseAuthors } from "./authors";
import { fillRoute, normalizePost, resolveImage, textHash, type NormalizeContext } from "./normalize";
import { contentRoot, relativeIncludePath, relativeToRoot } from "./paths";
import type { Author, Post, PostFormat } from "./post";
import { readCached, writeCached } from "@/lib/cache";
import { fingerprintFiles } from "./fingerprint";
import { walkFiles } from "./walk";
import { problem, type ContentProblem } from "./problems";
import { dateFromFileName } from "./dates";
import { decodeText } from "./text";
import { bodyOf } from "./front-matter";
import { parseYaml } from "./yaml";

/** Everything read from a content folder: the raw material of the site model. */
export interface ContentSnapshot {
  root: string;
  config: SiteConfig;
  authors: Author[];
  /** Every post that could be parsed, drafts included; lib/site decides what is published. */
  posts: Post[];
  problems: ContentProblem[];
  assets: AssetIndex;
  /** `_includes/` files by name (`note.html`, `partials/x.md`), for `{% include %}`. */
  includes: Map<string, string>;
  /** Files posts name in `{% include_relative %}`, by path from the content root (`_posts/2024/snippet.rb`). */
  relativeIncludes: Map<string, string>;
  /** Jekyll's `site.data`: `_data/*.yml|yaml|json`, by file name (folders nest). */
  data: Record<string, unknown>;
}

const MAX_POST_BYTES = 20 * 1024 * 1024;

export interface PostFile {
  absolute: string;
  source: string;
  draft: boolean;
  /** Markdown (by extension), or HTML (`.html` posts, which Jekyll publishes without Markdown conversion). */
  format: PostFormat;
  /** Categories from the folders above a nested `_posts/` (`events/_posts/x.md` -> events). */
  pathCategories?: string[];
}

/** A post file's format from its extension (`markdownExtensions`: the site's `markdown_ext`), or undefined for files that are not posts. */
function postFormat(fileName: string, markdownExtensions: readonly string[]): PostFormat | undefined {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  if (markdownExtensions.includes(extension)) return "markdown";
  if (extension === "html" || extension === "htm") return "html";
  return undefined;
}

/** Finds post files: `_posts/**` and `_drafts/**`. Symbolic links are followed only inside the root. */
export function discoverPosts(root: string, markdownExtensions: readonly string[]): { files: PostFile[]; problems: ContentProblem[] } {
  const files: PostFile[] = [];
  const problems: ContentProblem[] = [];
  const realRoot = safeRealpath(root) ?? root;
  // Real paths of the folders walked: a folder reached again through a link is walked once.
  const visited = new Set<string>();
  // Post folders (`_posts`, `_drafts`, `events/_posts`) are each read on their own, as posts or drafts and with their
  // categories: Jekyll also reads `_posts/` in subfolders, whose names become categories.
  const folders = [["", []] as [string, string[]], ...nestedPostFolders(root)].flatMap(([dir, pathCategories]) =>
    [["_posts", false], ["_drafts", true]].map(([name, draft]) => ({ dir: path.join(root, dir, name as string), draft: draft as boolean, pathCategories })));
  const realFolders = folders.map((folder) => safeRealpath(folder.dir)).filter((real): real is string => real !== undefined);
  const isWithin = (folder: string, file: string) => file === folder || file.startsWith(folder + path.sep);
  /** Why a link to a folder is not followed: a loop back up the tree, or another post folder (read on its own). */
  const linkedFolderProblem = (target: string, from: string, top: string): string | undefined => {
    if (isWithin(target, safeRealpath(from) ?? from)) return `Symbolic link points back up to ${relativeToRoot(root, target) || "the content folder"}, which holds it (a loop); it is not followed`;
    const other = realFolders.find((folder) => folder !== top && (isWithin(folder, target) || isWithin(target, folder)));
    if (other) return `Symbolic link points to ${relativeToRoot(root, target)}, and ${relativeToRoot(root, other)} is read on its own; it is not followed`;
    return undefined;
  };
  /** `top`: the real path of the post folder being read, which links may lead within. */
  const walk = (dir: string, draft: boolean, top: string) => {
    const real = safeRealpath(dir) ?? dir;
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // No _posts/ or _drafts/ is fine; a folder of posts that cannot be read would lose them silently.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        problems.push(problem({
          rule: "file/unreadable", file: relativeToRoot(root, dir), expected: "a readable folder", hint: "check the folder's permissions",
          message: `Cannot read the folder: ${(error as Error).message}; its ${draft ? "drafts" : "posts"} are left out`,
          // Drafts are not published, so a build without them need not stop.
          blocksBuild: !draft,
        }));
      }
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const absolute = path.join(dir, entry.name);
      const source = relativeToRoot(root, absolute);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = safeRealpath(absolute);
        if (!target || !(target === realRoot || target.startsWith(realRoot + path.sep))) {
          problems.push(linkNotFollowed(source, target, absolute));
          continue;
        }
        const stat = fs.statSync(target);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
        const notFollowed = isDirectory ? linkedFolderProblem(target, dir, top) : undefined;
        if (notFollowed) {
          problems.push(problem({ rule: "file/symlink-outside", file: source, message: notFollowed, expected: "a link to a folder of posts that nothing else reads", hint: "remove the link" }));
          continue;
        }
      }
      if (isDirectory) walk(absolute, draft, top);
      else if (isFile) {
        const format = postFormat(entry.name, markdownExtensions);
        if (format) files.push({ absolute, source, draft, format });
      }
    }
  };
  for (const folder of folders) {
    const first = files.length;
    walk(folder.dir, folder.draft, safeRealpath(folder.dir) ?? folder.dir);
    for (const file of files.slice(first)) file.pathCategories = folder.pathCategories;
  }
  return { files, problems };
}

/** A symbolic link that leads out of the content folder, or nowhere. */
function linkNotFollowed(source: string, target: string | undefined, absolute: string): ContentProblem {
  return problem({
    rule: "file/symlink-outside", file: source,
    message: target ? `Symbolic link points outside the content folder (to ${target}); it is not followed`
      : `Symbolic link leads nowhere (to ${linkText(absolute)}: a missing file, or a loop of links); it is not followed`,
    expected: "a regular file inside the content folder", hint: "copy the file into the content folder instead of linking it",
  });
}

function linkText(link: string): string {
  try {
    return fs.readlinkSync(link);
  } catch {
    return "?";
  }
}

/** Folders below the root that hold a `_posts/` or `_drafts/` folder, with their path as categories. */
function nestedPostFolders(root: string, maxDepth = 3): [string, string[]][] {
  const found: [string, string[]][] = [];
  const visit = (relative: string[], depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, ...relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      // Jekyll's own folders (_posts, _site, _includes...), hidden folders and dependencies hold no nested posts.
      if (!entry.isDirectory() || /^[._]/.test(entry.name) || entry.name === "node_modules" || entry.name === "vendor") continue;
      const next = [...relative, entry.name];
      const dir = path.join(root, ...next);
      if (fs.existsSync(path.join(dir, "_posts")) || fs.existsSync(path.join(dir, "_drafts"))) found.push([next.join("/"), next]);
      if (depth < maxDepth) visit(next, depth + 1);
    }
  };
  visit([], 1);
  return found;
}

function safeRealpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A file of the content folder that exists but cannot be read (permissions, a folder by that name): pages would silently lack it. */
function unreadable(source: string, error: string): ContentProblem {
  return problem({ rule: "file/unreadable", file: source, message: `Cannot read the file: ${error}`, expected: "a readable file", hint: "check the file's permissions" });
}

/** Config, authors and assets: what every post is normalized against. */
export function loadContext(root: string): { context: NormalizeContext; authors: Author[]; problems: ContentProblem[]; key: string } {
  const problems: ContentProblem[] = [];
  if (!fs.existsSync(root)) {
    problems.push(problem({ rule: "config/invalid", file: root, message: `The content folder ${root} does not exist`, expected: "a Jekyll site root with _config.yml and _posts/", hint: "set BLOG_CONTENT_DIR to your site's folder", blocksBuild: true }));
  }
  const { config, problems: configProblems, sources } = readConfig(root);
  const configText = sources.map((s) => s.text).join("\0");
  problems.push(...configProblems);
  const assets = indexAssets(root, config);
  for (const { relative, target } of assets.outsideLinks) problems.push(linkNotFollowed(relative, target, path.join(root, relative)));
  for (const page of assets.pages) {
    problems.push(problem({
      rule: "file/jekyll-page", file: page,
      message: "A Jekyll page or template (the file has front matter); this blog builds posts, so it is not published",
      found: "front matter in a file outside _posts/", expected: "posts in _posts/, and static files without front matter",
      hint: "add its URL to `external_paths` if another site serves it, or `exclude` it in _config.yml",
    }));
  }
  const authorsFile = ["_data/authors.yml", "_data/authors.yaml"].find((f) => fs.existsSync(path.join(root, f))) ?? "_data/authors.yml";
  const authorsRead = readIfPresent(path.join(root, authorsFile));
  if ("error" in authorsRead) problems.push(unreadable(authorsFile, authorsRead.error));
  const authorsText = "text" in authorsRead ? authorsRead.text : undefined;
  const parsedAuthors = parseAuthors(authorsText, authorsFile);
  problems.push(...parsedAuthors.problems);
  const authorsById = new Map<string, Author>();
  const authorsByName = new Map<string, Author[]>();
  const partial: NormalizeContext = { config, authorsById, authorsByName, assets };
  const authors = parsedAuthors.authors.map((profile): Author => {
    const imagePath = profile.image && !profile.image.startsWith("/") && !/^(https?:)?\/\//.test(profile.image)
      ? `${config.authorImagePath}${profile.image}` : profile.image;
    const avatar = imagePath === undefined ? undefined : resolveImage(imagePath, profile.fullName, partial, undefined, "image", (p) => {
      problems.push(problem({ ...p, file: authorsFile, message: `Avatar of author \`${profile.id}\`: ${p.message}`, line: profile.line }));
    });
    const slug = profile.slug;
    return { slug, name: profile.name, fullName: profile.fullName, description: profile.description, avatar, links: profile.links, hasProfile: true, url: fillRoute(config.routes.author, "author", slug) };
  });
  for (const author of authors) {
    authorsById.set(author.slug, author);
    for (const key of new Set([author.slug, author.name, author.fullName].map((k) => k.toLowerCase()))) {
      authorsByName.set(key, [...(authorsByName.get(key) ?? []), author]);
    }
  }
  // Profiles keyed by their id as written too (ids are usually already slugs).
  for (const [index, profile] of parsedAuthors.authors.entries()) authorsById.set(profile.id, authors[index]!);
  // Posts parsed under another config, authors file or set of assets are parsed again.
  const key = createHash("sha1").update(`${configText}\0${authorsText}\0${[...assets.files.keys()].join("\n")}`).digest("hex");
  return { context: partial, authors, problems, key };
}

interface CacheEntry {
  key: string;
  result: { post?: Post; problems: ContentProblem[] };
}

// Parsed posts by file, reused while file and config are unchanged (next dev reloads one edited post, not all).
const parseCache = new Map<string, CacheEntry>();

/** Reads and normalizes one post file. */
export function loadPostFile(file: PostFile, context: NormalizeContext, contextKey: string): { post?: Post; problems: ContentProblem[] } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file.absolute);
  } catch (error) {
    return { problems: [problem({ rule: "file/unreadable", file: file.source, message: `Cannot read the file: ${(error as Error).message}` })] };
  }
  const key = `${contextKey}:${stat.mtimeMs}:${stat.size}`;
  const cached = parseCache.get(file.absolute);
  if (cached?.key === key) return cached.result;
  const result = parseFile(file, stat, context);
  parseCache.set(file.absolute, { key, result });
  return result;
}

function parseFile(file: PostFile, stat: fs.Stats, context: NormalizeContext): { post?: Post; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  if (stat.size > MAX_POST_BYTES) {
    return { problems: [problem({ rule: "file/too-large", file: file.source, message: `The file is ${(stat.size / 1048576).toFixed(1)} MB`, expected: `at most ${MAX_POST_BYTES / 1048576} MB`, hint: "split the post or move large data into assets/" })] };
  }
  if (!file.draft && !dateFromFileName(path.basename(file.source))) {
    const name = path.basename(file.source);
    if (/^\d{2,4}-\d{1,2}-\d{1,2}-?\.[^.]+$/.test(name)) {
      return { problems: [problem({
        rule: "file/name-without-date", file: file.source, message: "The file name has a date but no name after it, so Jekyll does not publish it; it is skipped",
        found: JSON.stringify(name), expected: "YYYY-MM-DD-slug.md", hint: `add the post's name after the date, e.g. ${name.replace(/-?(\.[^.]+)$/, "-my-post$1")}`,
      })] };
    }
    return { problems: [problem({
      rule: "file/name-without-date", file: file.source, message: "The file name has no date, so Jekyll does not publish it; it is skipped",
      found: JSON.stringify(path.basename(file.source)), expected: "YYYY-MM-DD-slug.md",
      hint: "rename the file, e.g. 2024-05-01-" + path.basename(file.source).replace(/\.[^.]+$/, "") + ".md, or move it to _drafts/",
    })] };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.absolute);
  } catch (error) {
    return { problems: [problem({ rule: "file/unreadable", file: file.source, message: `Cannot read the file: ${(error as Error).message}` })] };
  }
  const decoded = decodeText(bytes, file.source);
  problems.push(...decoded.problems);
  if (decoded.text === undefined) return { problems };
  const result = normalizePost({ source: file.source, text: decoded.text, draft: file.draft, mtime: stat.mtime, format: file.format, pathCategories: file.pathCategories }, context);
  return { post: result.post, problems: [...problems, ...result.problems] };
}

/**
 * The snapshot minus what is cheaper to rebuild than to store: the asset
 * index, and the posts' bodies (90 MB of a 10,000-post snapshot's 117 MB,
 * which every process of a build would parse and hold), read back from their
 * files when a post is rendered; from the render cache, pages need none.
 */
interface StoredSnapshot extends Omit<ContentSnapshot, "assets" | "includes" | "relativeIncludes" | "posts"> {
  includes: [string, string][];
  relativeIncludes: [string, string][];
  posts: Omit<Post, "body">[];
}

/** A stored post whose `body` is read from its file on first use. */
function withBodyFromFile(root: string, post: Omit<Post, "body">): Post {
  let body: string | undefined;
  return Object.defineProperty(post, "body", { enumerable: true, get: () => (body ??= readBody(root, post)) }) as Post;
}

function readBody(root: string, post: Omit<Post, "body">): string {
  let bytes: Buffer | undefined;
  try {
    bytes = fs.readFileSync(path.join(root, post.source));
  } catch {
    // Removed since the snapshot: reported as changed, below.
  }
  const text = bytes && decodeText(bytes, post.source).text;
  // The hash keys the render cache: a body that no longer matches it must not be rendered under it.
  if (text === undefined || textHash(text) !== post.hash) {
    throw new Error(`${post.source} changed while the blog was being built; build again`);
  }
  return bodyOf(text);
}

// Years before 0 and after 9999 are written with a sign and six digits (`-000001-12-31T23:06:32.000Z`).
const ISO_INSTANT = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function reviveDates(key: string, value: unknown): unknown {
  return (key === "date" || key === "updated") && typeof value === "string" && ISO_INSTANT.test(value) ? new Date(value) : value;
}

/**
 * Reads the whole content folder. A production build reads it in several
 * processes (the check, Next's workers); the first one stores the parsed
 * result on disk, keyed by every content file's size and time, and the
 * others load that instead of parsing thousands of posts again.
 */
export function loadContent(root: string = contentRoot()): ContentSnapshot {
  if (process.env.NODE_ENV === "development") return loadFresh(root);
  const key = snapshotKey(root);
  return readSnapshot(root, key) ?? storeSnapshot(key, loadFresh(root));
}

/** One post file parsed: the post, or the problems that kept it from being one. */
export type ParsedPostFile = { post?: Post; problems: ContentProblem[] };

/** Parses post files in another thread (see lib/check), in the order given; rejects when it cannot. */
export type ParsePostFiles = (files: PostFile[]) => Promise<ParsedPostFile[]>;

/** Post files per request to a helper: small enough to share the work evenly, large enough to cost little in messages. */
const FILES_PER_SHARE = 50;

/**
 * loadContent with the posts parsed by this thread and `helpers` together: the check's render threads,
 * idle until the content is loaded, parse some of it (at 10,000 posts, parsing takes 5 s on one core).
 */
export async function loadContentInParallel(root: string, helpers: readonly ParsePostFiles[]): Promise<ContentSnapshot> {
  if (helpers.length === 0 || process.env.NODE_ENV === "development") return loadContent(root);
  const key = snapshotKey(root);
  const stored = readSnapshot(root, key);
  if (stored) return stored;
  const found = findContent(root);
  const parseHere = (file: PostFile) => loadPostFile(file, found.context, found.contextKey);
  const results: ParsedPostFile[] = new Array(found.files.length);
  let next = 0;
  const takeShare = () => {
    const from = next;
    next = Math.min(found.files.length, next + FILES_PER_SHARE);
    return { from, to: next };
  };
  const helped = async (helper: ParsePostFiles) => {
    while (next < found.files.length) {
      const { from, to } = takeShare();
      const parsed = await helper(found.files.slice(from, to)).catch(() => undefined);
      // A helper that fails (a thread that stopped): its share is parsed here.
      for (let i = from; i < to; i++) results[i] = parsed?.[i - from] ?? parseHere(found.files[i]!);
    }
  };
  // Two requests in flight per helper, so that it never waits for this thread to hand out the next.
  const helping = Promise.all(helpers.flatMap((helper) => [helped(helper), helped(helper)]));
  while (next < found.files.length) {
    const { from, to } = takeShare();
    for (let i = from; i < to; i++) results[i] = parseHere(found.files[i]!);
    // Lets the helpers' answers in, and hands them their next share.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await helping;
  return storeSnapshot(key, assembleContent(root, found, results));
}

/** The key of a content folder's stored snapshot. Config files may live outside it (BLOG_CONFIG), so their text is part of the key. */
function snapshotKey(root: string): string {
  return createHash("sha1").update(`${root}\0${configText(root)}\0${fingerprintFiles(root)}`).digest("hex");
}

function readSnapshot(root: string, key: string): ContentSnapshot | undefined {
  const stored = readCached<StoredSnapshot>("content", key, reviveDates);
  if (!stored) return undefined;
  const posts = stored.posts.map((post) => withBodyFromFile(root, post));
  return { ...stored, posts, includes: new Map(stored.includes), relativeIncludes: new Map(stored.relativeIncludes), assets: indexAssets(root, stored.config) };
}

function storeSnapshot(key: string, snapshot: ContentSnapshot): ContentSnapshot {
  const { assets: _assets, includes, relativeIncludes, posts, ...rest } = snapshot;
  const withoutBodies = posts.map(({ body: _body, ...post }) => post);
  writeCached("content", key, { ...rest, posts: withoutBodies, includes: [...includes], relativeIncludes: [...relativeIncludes] } satisfies StoredSnapshot);
  return snapshot;
}

function loadFresh(root: string): ContentSnapshot {
  const found = findContent(root);
  return assembleContent(root, found, found.files.map((file) => loadPostFile(file, found.context, found.contextKey)));
}

interface FoundContent {
  context: NormalizeContext;
  /** Keys the parse of a post: the config, authors and assets it was normalized against. */
  contextKey: string;
  authors: Author[];
  problems: ContentProblem[];
  files: PostFile[];
}

/** What is read before the posts: config, authors, assets, and the list of post files. */
function findContent(root: string): FoundContent {
  const { context, authors, problems, key: contextKey } = loadContext(root);
  const discovered = discoverPosts(root, context.config.markdownExtensions);
  problems.push(...discovered.problems);
  if (discovered.files.length === 0 && fs.existsSync(root)) {
    // Most often the wrong folder (a Hugo site, or a level too deep): say so, not just "0 posts".
    let otherFiles = 0;
    walkFiles(path.join(root, "_posts"), () => otherFiles++);
    const extensions = context.config.markdownExtensions.map((e) => `.${e}`).join(", ");
    problems.push(problem({
      rule: "config/no-posts", file: relativeToRoot(process.cwd(), root) || ".",
      message: `No posts: ${!fs.existsSync(path.join(root, "_posts")) ? "the content folder has no _posts/ folder"
        : otherFiles > 0 ? `none of the ${otherFiles} files in _posts/ is Markdown (${extensions || "no extensions"}, from \`markdown_ext\`) or HTML`
        : "_posts/ holds no files"}`,
      expected: "a Jekyll site root: _config.yml, and posts in _posts/YYYY-MM-DD-slug.md",
      hint: otherFiles > 0 ? "check `markdown_ext` in _config.yml (Jekyll's default: markdown,mkdown,mkdn,mkd,md)" : "point BLOG_CONTENT_DIR at the folder that holds _posts/, or add a post with `npm run new-post`",
    }));
  }
  return { context, contextKey, authors, problems, files: discovered.files };
}

/** The snapshot from the parsed posts (in the order of `found.files`) and the rest of the folder. */
function assembleContent(root: string, found: FoundContent, parsed: readonly ParsedPostFile[]): ContentSnapshot {
  const { context, authors } = found;
  const problems = [...found.problems];
  const posts: Post[] = [];
  for (const result of parsed) {
    problems.push(...result.problems);
    if (result.post) posts.push(result.post);
  }
  const data = readData(root, problems);
  const includes = readIncludes(root, problems);
  const relativeIncludes = readRelativeIncludes(root, posts);
  // A Markdown file without a date in _posts/ that a post includes (`{% include_relative part.md %}`) is a part, not a stray post.
  const parts = problems.filter((p) => p.rule !== "file/name-without-date" || !relativeIncludes.has(p.file));
  return { root, config: context.config, authors, posts, problems: parts, assets: context.assets, includes, relativeIncludes, data };
}

const MAX_DATA_BYTES = 5 * 1024 * 1024;

/** Jekyll's `_data/` folder as `site.data`: `_data/team/members.yml` is `site.data.team.members`. */
function readData(root: string, problems: ContentProblem[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  walkFiles(path.join(root, "_data"), (file, relative) => {
    const match = /^(.*)\.(ya?ml|json)$/i.exec(relative);
    if (!match) return;
    const source = `_data/${relative}`;
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_DATA_BYTES) return;
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      // The authors file reports its own.
      if (!/^authors\.ya?ml$/i.test(relative)) problems.push(unreadable(source, (error as Error).message));
      return;
    }
    let value: unknown;
    if (match[2]!.toLowerCase() === "json") {
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push(problem({ rule: "data/invalid", file: source, message: `The data file is not valid JSON: ${(error as Error).message}`, hint: "fix the syntax; until then `site.data` does not have this file" }));
        return;
      }
    } else {
      const parsed = parseYaml(text);
      if (parsed.errors.length > 0) {
        const [error] = parsed.errors;
        // The authors file reports its own errors.
        if (!/^authors\.ya?ml$/i.test(relative)) {
          problems.push(problem({ rule: "data/invalid", file: source, line: error!.line, column: error!.column, message: `The data file is not valid YAML: ${error!.message}`, hint: "fix the syntax; until then `site.data` does not have this file" }));
        }
        return;
      }
      value = parsed.data;
    }
    const keys = match[1]!.split("/");
    let target = data;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = (target[key] = next && typeof next === "object" && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
    }
    target[keys.at(-1)!] = value;
  });
  return data;
}

const MAX_INCLUDE_BYTES = 1024 * 1024;

/**
 * The files posts pull in with `{% include_relative FILE %}` (a code sample
 * next to the post), read here because only lib/content reads content files.
 * Names written with Liquid (`{{ page.x }}`) cannot be known before rendering,
 * and are reported then as missing. As in Jekyll, `..` is not allowed.
 */
function readRelativeIncludes(root: string, posts: readonly Post[]): Map<string, string> {
  const files = new Map<string, string>();
  let realRoot: string | undefined;
  for (const post of posts) {
    if (!post.body.includes("include_relative")) continue;
    for (const match of post.body.matchAll(/\{%-?\s*include_relative\s+([^\s%{}]+)/g)) {
      const relative = relativeIncludePath(post.source, match[1]!);
      if (!relative || files.has(relative)) continue;
      const file = path.join(root, relative);
      try {
        // Not through a symbolic link (to the file or a folder on its way), which could point outside the content folder.
        realRoot ??= fs.realpathSync(root);
        const stat = fs.lstatSync(file);
        if (!stat.isFile() || stat.size > MAX_INCLUDE_BYTES || fs.realpathSync(file) !== path.join(realRoot, relative)) continue;
        files.set(relative, fs.readFileSync(file, "utf8"));
      } catch {
        // Missing: the render reports it, with the post's line.
      }
    }
  }
  return files;
}

/** Jekyll's `_includes/` folder: small text files, read once. */
function readIncludes(root: string, problems: ContentProblem[]): Map<string, string> {
  const includes = new Map<string, string>();
  walkFiles(path.join(root, "_includes"), (file, relative) => {
    try {
      if (fs.statSync(file).size <= MAX_INCLUDE_BYTES) includes.set(relative, fs.readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(unreadable(`_includes/${relative}`, (error as Error).message));
    }
  });
  return includes;
}
