// The full-text search index: Pagefind over the finished export, offline,
// written to <out>/pagefind/ where public/js/search.js loads it from.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Pagefind holds every page it indexes in memory, about 0.36 MB per post of
 * 1,000 words: 3.6 GB for 10,000 posts in one index. At most this many posts
 * are indexed at once; more are split into several indexes, which the search
 * page merges (Pagefind's mergeIndex) into one ranked list of results.
 */
const DEFAULT_POSTS_PER_INDEX = 4000;

/**
 * From this many posts on, the posts are split into one index per core (up to
 * two), built at the same time: Pagefind keeps only about one core busy for
 * most of a run, so two half-size indexes take two thirds of the time of one
 * (3,000 posts: 3.4 s against 5.1 s). Smaller blogs keep one index, which
 * readers' searches fetch fewer files from.
 */
const MIN_POSTS_TO_SPLIT = 1500;

/** Where public/js/search.js finds the indexes to merge into the main one (paths relative to it). */
const MORE_INDEXES_FILE = "more-indexes.json";

/** The exported pages that mark content for the index (published posts do, see post-view.tsx), sorted. */
function indexablePages(dir, pages = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "_next" && entry.name !== "pagefind" && !entry.name.startsWith(".")) indexablePages(full, pages);
    } else if (entry.name.endsWith(".html") && fs.readFileSync(full).includes("data-pagefind-body")) {
      pages.push(full);
    }
  }
  return pages.sort();
}

/**
 * The pages the build listed (paths relative to the export, from the site model), if the export has
 * every one of them; else undefined, and the export is searched instead.
 */
function listedPages(outDir, listed) {
  if (!Array.isArray(listed)) return undefined;
  const pages = listed.map((file) => path.join(outDir, file));
  return pages.every((page) => fs.statSync(page, { throwIfNoEntry: false })?.isFile()) ? pages.sort() : undefined;
}

function runPagefind(siteDir, outputPath, quiet) {
  // The npm package's launcher (not in its "exports"): it runs the platform binary from @pagefind/<platform>.
  const bin = fileURLToPath(new URL("../node_modules/pagefind/lib/runner/bin.cjs", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "--site", siteDir, "--output-path", outputPath, ...(quiet ? ["--quiet"] : [])], { stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`Pagefind failed (exit ${code ?? signal}); the search index was not built.`));
    });
  });
}

/**
 * How many indexes, and how many of them are built at the same time, so that
 * no more than `postsPerIndex` posts are in memory at once.
 */
export function indexPlan(posts, postsPerIndex, { cores = os.availableParallelism(), splitFrom = MIN_POSTS_TO_SPLIT } = {}) {
  const bySize = Math.ceil(posts / postsPerIndex);
  const parallel = Math.min(2, cores);
  // Each index then holds at most postsPerIndex / parallel posts.
  const perIndex = Math.floor(postsPerIndex / parallel);
  if (parallel < 2 || posts < splitFrom || perIndex < 1) return { indexes: bySize, parallel: 1 };
  // A multiple of `parallel`, so that no index is built alone at the end.
  const indexes = Math.ceil(Math.ceil(posts / perIndex) / parallel) * parallel;
  return { indexes, parallel };
}

/** A folder that holds just `pages`, at their paths in `outDir` (hard links, so nothing is copied), for Pagefind to index. */
function pagesFolder(outDir, pages, name) {
  const folder = path.join(outDir, name);
  fs.rmSync(folder, { recursive: true, force: true });
  for (const page of pages) {
    const target = path.join(folder, path.relative(outDir, page));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(page, target);
    } catch {
      fs.copyFileSync(page, target);
    }
  }
  return folder;
}

/**
 * Indexes only what pages mark with data-pagefind-body. Without any such page
 * (a blog with no published posts yet) Pagefind would index every page,
 * drafts in a --drafts build included, so then no index is written and the
 * search page says search is unavailable.
 */
export async function buildSearchIndex(outDir, { quiet = false, pages: listed, postsPerIndex = Number(process.env.BLOG_SEARCH_POSTS_PER_INDEX) || DEFAULT_POSTS_PER_INDEX, splitFrom } = {}) {
  const bundle = path.join(outDir, "pagefind");
  fs.rmSync(bundle, { recursive: true, force: true });
  const pages = listedPages(outDir, listed) ?? indexablePages(outDir);
  if (pages.length === 0) {
    console.warn("Search index: no published posts to index; search is unavailable in this build.");
    return false;
  }
  const started = performance.now();
  const { indexes, parallel } = indexPlan(pages.length, postsPerIndex, { splitFrom });
  const perIndex = Math.ceil(pages.length / indexes);
  const buildIndex = async (i) => {
    // Every indexes-th post, not a run of neighbours (which share a category folder): each index
    // is then a sample of the whole blog, with word statistics close to one index's, so the
    // scores the search page merges compare fairly.
    const share = pages.filter((_, n) => n % indexes === i);
    // Pagefind gets only the posts, not the whole export: it parses every page it is given, and the
    // list pages it would skip took a third of its time (3,000 posts: 6.5 s for the export, 4.6 s
    // for the posts alone; linking them into a folder takes 0.1 s).
    const siteDir = pagesFolder(outDir, share, `.search-pages-${i + 1}`);
    try {
      await runPagefind(siteDir, path.join(bundle, indexFolder(i)), quiet);
    } finally {
      fs.rmSync(siteDir, { recursive: true, force: true });
    }
  };
  // `parallel` runs at a time, each taking the next index when it is done; a failure stops them
  // taking more, and is reported once the runs under way have ended.
  let next = 0;
  const runner = async () => {
    while (next < indexes) await buildIndex(next++).catch((error) => {
      next = indexes;
      throw error;
    });
  };
  const failed = (await Promise.allSettled(Array.from({ length: parallel }, runner))).find((run) => run.status === "rejected");
  if (failed) throw failed.reason;
  const more = Array.from({ length: indexes - 1 }, (_, i) => indexFolder(i + 1));
  fs.writeFileSync(path.join(bundle, MORE_INDEXES_FILE), `${JSON.stringify(more)}\n`);
  if (!quiet) {
    const split = indexes > 1 ? ` (${indexes} indexes of up to ${perIndex} posts, ${parallel} at a time)` : "";
    console.log(`Search index of ${pages.length} posts${split} written to ${path.join(path.basename(outDir), "pagefind")} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  return true;
}

/** Where index i goes in the bundle: the first at its root, where pagefind.js loads it from; the others in folders of their own. */
function indexFolder(i) {
  return i === 0 ? "" : `index-${i + 1}/`;
}
