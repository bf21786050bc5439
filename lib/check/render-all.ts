import "server-only";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Post } from "@/lib/content/post";
import { problem, type ContentProblem } from "@/lib/content/problems";
import { cachedProblems, checkPostBody, renderPost, type RenderContext } from "@/lib/markdown";
import type { Site } from "@/lib/site";

export interface RenderJob {
  root: string;
  sources: string[];
  mode: { drafts: boolean; future: boolean; now: string };
  fillCache: boolean;
}

/**
 * Worker threads do not inherit tsx's loader, so the worker registers it before loading the TypeScript.
 * Its ESM loader, not its CommonJS one: under the CommonJS one every ES module package (remark,
 * micromark, ...) is rewritten to CommonJS, where each imported function is a getter call; the
 * check of 3,000 posts took 7% more CPU. lib/package.json makes lib's files ES modules for the same reason.
 */
const WORKER_BOOTSTRAP = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(path.join(process.cwd(), "lib", "check", "render-worker.ts")).href)}); });`;

/** Below this many posts per thread, starting another thread costs more than it saves. */
const MIN_POSTS_PER_THREAD = 150;

/**
 * Rendering a post allocates heavily, and most of it dies young (micromark's events, the trees). With
 * V8's default young generation, garbage collection took 17% of a render thread's time; 128 MB cut the
 * CPU time of checking 3,000 posts by 15% (37.4 to 31.8 s, two runs each; 64 MB did nothing), for
 * 200 MB more memory.
 */
const YOUNG_GENERATION_MB = 128;

/**
 * How long one post may take to render. Real posts take milliseconds to a
 * second; some hostile Markdown takes remark's parser quadratic time or worse
 * (tens of thousands of nested brackets, thousands of backtick runs of
 * different lengths: 2,000 take 58 s) and would hold a build for hours. The thread rendering it is stopped,
 * the post reported, and the rest of its share goes on in a new thread.
 */
function renderTimeoutMs(): number {
  return (Number(process.env.BLOG_RENDER_TIMEOUT_S) || 30) * 1000;
}

/**
 * Collects the problems rendering finds in every post. With `fillCache` (the
 * build's check), each post is rendered once into the render cache that the
 * build's pages read; without it (`npm run check`), only the problems are
 * found, which skips highlighting. Posts are rendered in worker threads, one
 * per core on large sites: rendering is CPU-bound and posts are independent,
 * and a thread can be stopped when a post takes too long.
 */
export async function renderAll(
  root: string, posts: readonly Post[], site: Site, fillCache: boolean, onProgress?: (done: number, total: number) => void,
): Promise<ContentProblem[]> {
  const total = posts.length;
  let done = 0;
  const problems: ContentProblem[] = [];
  // Posts the cache already has need no thread (a check after a one-file change renders one post).
  const toRender: Post[] = [];
  for (const post of posts) {
    const known = cachedProblems(post, site.renderContext, fillCache ? "page" : "check");
    if (!known) toRender.push(post);
    else {
      problems.push(...known);
      onProgress?.(++done, total);
    }
  }
  if (toRender.length === 0) return problems;
  const threads = Math.max(1, Math.min(Number(process.env.BLOG_THREADS) || os.availableParallelism(), Math.floor(toRender.length / MIN_POSTS_PER_THREAD)));
  const timeoutMs = renderTimeoutMs();
  const mode = { drafts: site.mode.drafts, future: site.mode.future, now: site.mode.now.toISOString() };
  const bySource = new Map(toRender.map((post) => [post.source, post]));
  const shares = Array.from({ length: threads }, (_, i) => toRender.filter((_, index) => index % threads === i).map((p) => p.source));
  // A bounded heap makes each thread collect its garbage instead of growing: at 10,000 posts the check
  // peaked at 3.1 GiB without a bound, 1.8-1.9 GiB with this one, in the same time (1.6 GiB since the
  // plugins' tree walk allocates less). At 3,000 posts the bound costs about 5 s. The site model takes about 15 MB
  // of heap per 1,000 posts; a post that still runs a thread out (a huge post) is rendered again alone, with more.
  const heapMb = Number(process.env.BLOG_WORKER_HEAP_MB) || 512 + Math.ceil(posts.length / 20);
  // A post that runs a thread out of memory is rendered again alone, in a thread with this much heap.
  const largeHeapMb = Number(process.env.BLOG_WORKER_LARGE_HEAP_MB) || Math.max(2048, heapMb * 2);

  /**
   * Renders `sources` in order in one thread, with the time limit per post. A post that overruns it,
   * or runs the thread out of memory twice, is reported; the rest go on in a new thread.
   */
  const renderShare = (sources: string[], heap = heapMb, timeLimitMs = timeoutMs): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (sources.length === 0) return resolve();
      const job: RenderJob = { root, sources, mode, fillCache };
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      let next = 0;
      let postStarted: number | undefined;
      let settled = false;
      const finish = (then: () => void) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        void worker.terminate().then(then, then);
      };
      const continueWith = (...shares: [string[], number, number?][]) =>
        finish(() => Promise.all(shares.map(([share, shareHeap, shareTime]) => renderShare(share, shareHeap, shareTime))).then(() => resolve(), reject));
      const watchdog = setInterval(() => {
        if (postStarted === undefined || performance.now() - postStarted < timeLimitMs) return;
        problems.push(renderTimeout(bySource.get(sources[next]!)!, timeLimitMs));
        onProgress?.(++done, total);
        continueWith([sources.slice(next + 1), heapMb]);
      }, Math.min(1000, timeLimitMs / 4));
      worker.on("message", (message: { ready?: true; problems?: ContentProblem[]; error?: string }) => {
        if (message.error) return finish(() => reject(new Error(`Rendering failed in a worker thread: ${message.error}`)));
        // The worker has loaded the site (ready) or finished a post: the next post starts, and its time, now.
        if (!message.ready) {
          problems.push(...(message.problems ?? []));
          onProgress?.(++done, total);
          next++;
          if (next === sources.length) return finish(resolve);
        }
        postStarted = performance.now();
        worker.postMessage("next");
      });
      worker.on("error", (error: Error & { code?: string }) => {
        if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") return finish(() => reject(error));
        if (postStarted === undefined) {
          // Out of memory while loading the site, before any post (the thread is told when each post starts):
          // the whole share again, with more heap.
          if (heap >= largeHeapMb) return finish(() => reject(new Error(`A render thread ran out of memory (${heap} MB) loading the site; set BLOG_WORKER_HEAP_MB higher`)));
          return continueWith([sources, largeHeapMb]);
        }
        if (heap >= largeHeapMb) {
          problems.push(renderOutOfMemory(bySource.get(sources[next]!)!, heap));
          onProgress?.(++done, total);
          return continueWith([sources.slice(next + 1), heapMb]);
        }
        // The post being rendered alone with more heap, the rest of the share in a new thread like this one.
        // A post that needs this much memory is large (a 50,000-row table takes 16 s): it gets twice the time too.
        console.error(`${sources[next]} ran its render thread out of memory (${heap} MB; BLOG_WORKER_HEAP_MB sets it); it is rendered again alone, with ${largeHeapMb} MB and ${(2 * timeoutMs) / 1000} s.`);
        continueWith([[sources[next]!], largeHeapMb, 2 * timeoutMs], [sources.slice(next + 1), heapMb]);
      });
      worker.on("exit", (code) => finish(() => (next < sources.length ? reject(new Error(`A render worker stopped early (exit ${code})`)) : resolve())));
    });

  await Promise.all(shares.map((share) => renderShare(share)));
  return problems;
}

/** One post's render problems: rendered into the cache for a build's pages (`fillCache`), or only checked. */
export async function problemsOfPost(post: Post, context: RenderContext, fillCache: boolean): Promise<ContentProblem[]> {
  return fillCache ? (await renderPost(post, context)).problems : checkPostBody(post, context);
}

function renderOutOfMemory(post: Post, heapMb: number): ContentProblem {
  return problem({
    rule: "markdown/render-failed",
    file: post.source,
    line: post.bodyLine,
    message: `The post body ran its render thread out of memory (${heapMb} MB), twice; rendering was stopped`,
    found: `more than ${heapMb} MB of memory to render`,
    expected: "a body that renders in well under 100 MB",
    hint: "look for tens of thousands of table rows, link definitions or nested elements in the body",
  });
}

function renderTimeout(post: Post, timeoutMs: number): ContentProblem {
  const seconds = timeoutMs / 1000;
  return problem({
    rule: "markdown/render-failed",
    file: post.source,
    line: post.bodyLine,
    message: `The post body did not render within ${seconds} s; rendering was stopped`,
    found: `more than ${seconds} s of rendering`,
    expected: "a body that renders in about a second",
    hint: "look for thousands of brackets, backtick runs or nested elements in the body; BLOG_RENDER_TIMEOUT_S sets the limit",
  });
}
