import "server-only";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedPostFile, ParsePostFiles, PostFile } from "@/lib/content/load";
import type { Post } from "@/lib/content/post";
import { problem, type ContentProblem } from "@/lib/content/problems";
import { cachedProblems, checkPostBody, renderPost, type RenderContext } from "@/lib/markdown";
import type { Site } from "@/lib/site";

/** What a render thread needs to load the same site as the main thread. */
export interface RenderJob {
  root: string;
  mode: { drafts: boolean; future: boolean; now: string };
  fillCache: boolean;
}

/**
 * What a render thread runs first. The check started by scripts/run-check.mjs names its compiled
 * render-worker module (BLOG_RENDER_WORKER_MODULE). Otherwise (tests, `next dev`) the thread loads the
 * TypeScript through tsx: worker threads do not inherit tsx's loader, so it registers it first.
 * Its ESM loader, not its CommonJS one: under the CommonJS one every ES module package (remark,
 * micromark, ...) is rewritten to CommonJS, where each imported function is a getter call; the
 * check of 3,000 posts took 7% more CPU. lib/package.json makes lib's files ES modules for the same reason.
 */
function workerBootstrap(): string {
  const compiled = process.env.BLOG_RENDER_WORKER_MODULE;
  if (compiled) return `import(${JSON.stringify(pathToFileURL(compiled).href)});`;
  const source = pathToFileURL(path.join(process.cwd(), "lib", "check", "render-worker.ts")).href;
  return `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
}

/**
 * Below this many posts per thread, starting another thread costs more than it saves: a thread spends
 * about 2.8 s of CPU loading its modules, compiling the highlighter's grammars and warming up before it
 * renders at full speed. A cold check of 300 posts took 4.6-4.7 s with one thread, 5.4-5.5 s with two
 * (CPU 6.1 against 9.0 s); of 600 posts, 7.1 s with one, 6.6-6.8 s with two.
 */
const MIN_POSTS_PER_THREAD = 300;

/**
 * Rendering a post allocates heavily, and most of it dies young (micromark's events, the trees). With
 * V8's default young generation, garbage collection took 17% of a render thread's time; 128 MB cut the
 * CPU time of checking 3,000 posts by 15% (37.4 to 31.8 s, two runs each; 64 MB did nothing), and
 * 256 MB by 7% more (3,000 posts: 16.0-16.6 s against 17.0-18.4 s, three alternating runs each;
 * 10,000: 42.2 and 42.7 s against 47.4 and 45.8 s), for about 250 MB more memory (192 and 384 MB
 * behaved as 128 and 256).
 */
const YOUNG_GENERATION_MB = 256;

/**
 * How long one post may take to render. Real posts take milliseconds to a
 * second; some hostile Markdown takes remark's parser quadratic time or worse
 * (tens of thousands of nested brackets, thousands of backtick runs of
 * different lengths: 2,000 take 58 s) and would hold a build for hours. The thread rendering it is stopped,
 * the post reported, and a new thread goes on with the posts still to render.
 */
function renderTimeoutMs(): number {
  return (Number(process.env.BLOG_RENDER_TIMEOUT_S) || 30) * 1000;
}

/** How many threads render `count` posts: one per core, and fewer on small sites. */
export function renderThreadCount(count: number): number {
  return Math.max(1, Math.min(Number(process.env.BLOG_THREADS) || os.availableParallelism(), Math.floor(count / MIN_POSTS_PER_THREAD)));
}

/**
 * A bounded heap makes each thread collect its garbage instead of growing: at 10,000 posts the check
 * peaked at 3.1 GiB without a bound, 1.8-1.9 GiB with this one, in the same time (1.6 GiB since the
 * plugins' tree walk allocates less). The site model takes about 15 MB of heap per 1,000 posts; a post
 * that still runs a thread out (a huge post) is rendered again alone, with more.
 */
function renderHeapMb(postCount: number): number {
  return Number(process.env.BLOG_WORKER_HEAP_MB) || 512 + Math.ceil(postCount / 20);
}

/**
 * Render threads started before the content is loaded: a thread takes about a second to load the
 * pipeline's modules, which then overlaps the main thread's parsing of the posts (a cold check of
 * 3,000 posts started rendering 0.3 s sooner: on two cores the starting threads also slow the parse).
 * They wait for the site to load until renderAll takes them; the caller stops those it does not take.
 */
export interface StartedThreads {
  /** Threads still running; one that failed while starting is dropped (renderAll starts another). */
  workers: Set<Worker>;
  heapMb: number;
}

export function startRenderThreads(postCount: number): StartedThreads {
  const started: StartedThreads = { heapMb: renderHeapMb(postCount), workers: new Set() };
  for (let i = 0; i < renderThreadCount(postCount); i++) {
    const worker = newRenderThread(started.heapMb);
    const drop = () => started.workers.delete(worker);
    worker.once("error", drop).once("exit", drop);
    started.workers.add(worker);
  }
  return started;
}

/**
 * The started threads as helpers of loadContentInParallel: each parses the shares of post files it is
 * sent, and answers in order. A thread that fails rejects what it was asked, which is parsed elsewhere.
 */
export function parseHelpers(started: StartedThreads | undefined, root: string): ParsePostFiles[] {
  return [...(started?.workers ?? [])].map((worker) => {
    let nextId = 0;
    const pending = new Map<number, { resolve: (results: ParsedPostFile[]) => void; reject: (error: Error) => void }>();
    const failAll = (error: Error) => {
      for (const request of pending.values()) request.reject(error);
      pending.clear();
    };
    worker.on("message", (message: { parsed?: { id: number; results?: ParsedPostFile[] }; error?: string }) => {
      if (message.error) return failAll(new Error(message.error));
      if (!message.parsed) return;
      const request = pending.get(message.parsed.id);
      pending.delete(message.parsed.id);
      if (message.parsed.results) request?.resolve(message.parsed.results);
      else request?.reject(new Error("the thread could not send its posts"));
    });
    worker.once("error", failAll).once("exit", () => failAll(new Error("the thread stopped")));
    return (files: PostFile[]) =>
      new Promise<ParsedPostFile[]>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ parse: { id, root, files } });
      });
  });
}

function newRenderThread(heapMb: number): Worker {
  return new Worker(workerBootstrap(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

/** Messages from a render thread. */
type FromThread = { ready: true } | { problems: ContentProblem[] } | { error: string } | { parsed: unknown };

/**
 * Collects the problems rendering finds in every post. With `fillCache` (the
 * build's check), each post is rendered once into the render cache that the
 * build's pages read; without it (`npm run check`), only the problems are
 * found, which skips highlighting. Posts are rendered in worker threads, one
 * per core on large sites: rendering is CPU-bound and posts are independent,
 * and a thread can be stopped when a post takes too long. Each thread takes
 * the next post when it has finished one, so all finish together.
 */
export async function renderAll(
  root: string, posts: readonly Post[], site: Site, fillCache: boolean, onProgress?: (done: number, total: number) => void, started?: StartedThreads,
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
  const threads = toRender.length === 0 ? 0 : renderThreadCount(toRender.length);
  if (threads === 0) return problems;
  // Threads started early are taken as they are needed; the rest are the caller's to stop.
  const idle = [...(started?.workers ?? [])].slice(0, threads);
  for (const worker of idle) started!.workers.delete(worker);
  const timeoutMs = renderTimeoutMs();
  const heapMb = started?.heapMb ?? renderHeapMb(posts.length);
  // A post that runs a thread out of memory is rendered again alone, in a thread with this much heap.
  const largeHeapMb = Number(process.env.BLOG_WORKER_LARGE_HEAP_MB) || Math.max(2048, heapMb * 2);
  const job: RenderJob = { root, fillCache, mode: { drafts: site.mode.drafts, future: site.mode.future, now: site.mode.now.toISOString() } };
  const bySource = new Map(toRender.map((post) => [post.source, post]));
  const queue = new PostQueue(toRender.map((post) => post.source));

  /**
   * One thread rendering the posts of a queue, one at a time, each within the time limit. A post that
   * overruns it, or runs the thread out of memory twice, is reported; new threads go on with the rest.
   */
  const runThread = (posts: PostQueue, heap: number, timeLimitMs: number, started?: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      // Nothing left (the post that stopped the last thread was the last one): no thread to start.
      if (posts.empty && !started) return resolve();
      const worker = started ?? newRenderThread(heap);
      // The post being rendered: the main thread hands out each one, so it always knows which.
      let current: string | undefined;
      let postStarted = 0;
      let settled = false;
      const finish = (then: () => void) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        void worker.terminate().then(then, then);
      };
      const continueWith = (...more: (() => Promise<void>)[]) => finish(() => Promise.all(more.map((start) => start())).then(() => resolve(), reject));
      const sendNext = () => {
        current = posts.next();
        if (current === undefined) return finish(resolve);
        postStarted = performance.now();
        worker.postMessage({ source: current });
      };
      const watchdog = setInterval(() => {
        if (current === undefined || performance.now() - postStarted < timeLimitMs) return;
        problems.push(renderTimeout(bySource.get(current)!, timeLimitMs));
        onProgress?.(++done, total);
        continueWith(() => runThread(posts, heapMb, timeoutMs));
      }, Math.min(1000, timeLimitMs / 4));
      worker.on("message", (message: FromThread) => {
        if ("error" in message) return finish(() => reject(new Error(`Rendering failed in a worker thread: ${message.error}`)));
        // Posts it parsed for loadContentInParallel, which has them all before rendering starts.
        if ("parsed" in message) return;
        if ("problems" in message) {
          problems.push(...message.problems);
          onProgress?.(++done, total);
        }
        sendNext();
      });
      worker.on("error", (error: Error & { code?: string }) => {
        if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") return finish(() => reject(error));
        if (current === undefined) {
          // Out of memory while loading the site, before any post: the same posts, with more heap.
          if (heap >= largeHeapMb) return finish(() => reject(new Error(`A render thread ran out of memory (${heap} MB) loading the site; set BLOG_WORKER_HEAP_MB higher`)));
          return continueWith(() => runThread(posts, largeHeapMb, timeLimitMs));
        }
        if (heap >= largeHeapMb) {
          problems.push(renderOutOfMemory(bySource.get(current)!, heap));
          onProgress?.(++done, total);
          return continueWith(() => runThread(posts, heapMb, timeoutMs));
        }
        // The post is rendered again alone with more heap, the rest go on in a new thread like this one.
        // A post that needs this much memory is large (a 50,000-row table takes 16 s): it gets twice the time too.
        console.error(`${current} ran its render thread out of memory (${heap} MB; BLOG_WORKER_HEAP_MB sets it); it is rendered again alone, with ${largeHeapMb} MB and ${(2 * timeoutMs) / 1000} s.`);
        const again = current;
        continueWith(() => runThread(new PostQueue([again]), largeHeapMb, 2 * timeoutMs), () => runThread(posts, heapMb, timeoutMs));
      });
      worker.on("exit", (code) => finish(() => reject(new Error(`A render worker stopped early (exit ${code})`))));
      worker.postMessage({ job });
    });

  await Promise.all(Array.from({ length: threads }, (_, i) => runThread(queue, heapMb, timeoutMs, idle[i])));
  return problems;
}

/** Posts handed out one at a time, to whichever thread is free. */
class PostQueue {
  private taken = 0;
  constructor(private readonly sources: readonly string[]) {}
  get empty(): boolean {
    return this.taken >= this.sources.length;
  }
  next(): string | undefined {
    return this.empty ? undefined : this.sources[this.taken++];
  }
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
