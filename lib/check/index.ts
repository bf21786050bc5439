import "server-only";
import fs from "node:fs";
import path from "node:path";
import { readConfig } from "@/lib/config/files";
import { discoverPosts, loadContentInParallel, loadContext } from "@/lib/content/load";
import { normalizePost } from "@/lib/content/normalize";
import { applyRuleSeverities, problem, sortProblems, type ContentProblem } from "@/lib/content/problems";
import { decodeText } from "@/lib/content/text";
import { cacheStarted, pruneOldCaches } from "@/lib/cache";
import { buildSite } from "@/lib/site/model";
import type { Site } from "@/lib/site";
import { currentMode } from "@/lib/site/visibility";
import { parseHelpers, renderAll, startRenderThreads, type StartedThreads } from "./render-all";

export interface CheckOptions {
  /** The content root (a Jekyll site root). */
  root: string;
  /** Check only these files (paths as given on the command line); all posts when empty. */
  files?: string[];
  /** Called after each rendered post, for progress output. */
  onProgress?: (done: number, total: number) => void;
  /** Publish what this build publishes (--drafts, --future), not only what a production build does. */
  asBuild?: boolean;
}

export interface CheckResult {
  problems: ContentProblem[];
  /** Posts whose body was rendered and checked. */
  postsChecked: number;
  site: Site;
}

/**
 * Everything `npm run check` and the build report: front matter, dates,
 * taxonomy, URLs, and what rendering finds (Liquid, links, anchors, images).
 * Reads content only; never writes to it.
 */
export async function runCheck({ root, files = [], onProgress, asBuild = false }: CheckOptions): Promise<CheckResult> {
  const started = startThreadsEarly(root, files, asBuild);
  try {
    return await checkSite({ root, files, onProgress, asBuild }, started);
  } finally {
    // Threads renderAll did not take (it needed fewer, or the check stopped before it): stopped, so that they do not keep the process alive.
    for (const worker of started?.workers ?? []) void worker.terminate();
  }
}

async function checkSite({ root, files = [], onProgress, asBuild = false }: CheckOptions, started: StartedThreads | undefined): Promise<CheckResult> {
  // A cold check's render threads, started early, parse part of the posts while they wait to render.
  const content = await loadContentInParallel(root, parseHelpers(started, root));
  // Links are checked against what gets published.
  // Without --build: what a plain production build publishes (no --drafts/--future from the environment).
  const mode = asBuild ? currentMode(content.config.future, content.config.showDrafts) : { drafts: content.config.showDrafts, future: content.config.future, now: currentMode(false).now };
  const site = buildSite(content, mode);
  const problems = [...site.problems];
  const wanted = files.length > 0 ? resolveFiles(root, files) : undefined;
  // site.problems already honour `rules:`; the ones found here get the same treatment.
  const more: ContentProblem[] = [];

  // Files named on the command line that are not posts of this site (a draft elsewhere, the seed) are checked on their own.
  for (const outside of wanted?.outside ?? []) more.push(...checkLooseFile(root, outside));

  const posts = content.posts.filter((post) => !wanted || wanted.inside.has(post.source));
  pruneOldCaches("render");
  pruneOldCaches("content");
  pruneOldCaches("og");
  pruneOldCaches("check");
  // The build's check renders each post into the cache its pages read; `npm run check` only needs the problems.
  more.push(...(await renderAll(root, posts, site, asBuild, onProgress, started)));
  problems.push(...applyRuleSeverities(more, content.config.ruleSeverity));
  const selected = wanted
    ? problems.filter((p) => wanted.inside.has(p.file) || wanted.outside.includes(p.file))
    : problems;
  return { problems: sortProblems(selected), postsChecked: posts.length, site };
}

/**
 * A whole-site check with nothing rendered yet by this version of the code (a cold build) renders
 * every post: its render threads start now, and load their modules while the content is parsed.
 * A check that will find most posts in the cache does not start threads it may not need.
 */
function startThreadsEarly(root: string, files: string[], asBuild: boolean): StartedThreads | undefined {
  if (files.length > 0 || cacheStarted("render") || (!asBuild && cacheStarted("check"))) return undefined;
  const postFiles = discoverPosts(root, readConfig(root).config.markdownExtensions).files.length;
  return postFiles > 0 ? startRenderThreads(postFiles) : undefined;
}

function resolveFiles(root: string, files: string[]): { inside: Set<string>; outside: string[] } {
  const inside = new Set<string>();
  const outside: string[] = [];
  for (const file of files) {
    const relative = path.relative(root, path.resolve(file)).split(path.sep).join("/");
    if (relative.startsWith("..") || path.isAbsolute(relative)) outside.push(file);
    else inside.add(relative);
  }
  return { inside, outside };
}

/** A post file outside the content folder's _posts/ and _drafts/, checked against the site's config. */
function checkLooseFile(root: string, file: string): ContentProblem[] {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return [problem({ rule: "file/unreadable", file, message: `Cannot read the file: ${(error as Error).message}` })];
  }
  const decoded = decodeText(bytes, file);
  if (decoded.text === undefined) return decoded.problems;
  const { context } = loadContext(root);
  const result = normalizePost({ source: file, text: decoded.text, draft: false, mtime: new Date() }, context);
  return [...decoded.problems, ...result.problems];
}
