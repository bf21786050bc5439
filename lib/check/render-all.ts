import "server-only";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Post } from "@/lib/content/post";
import type { ContentProblem } from "@/lib/content/problems";
import { checkPostBody, renderPost } from "@/lib/markdown";
import type { Site } from "@/lib/site";

export interface RenderJob {
  root: string;
  sources: string[];
  mode: { drafts: boolean; future: boolean; now: string };
  fillCache: boolean;
}

const WORKER_BOOTSTRAP = `require("tsx/cjs/api").register(); require(${JSON.stringify(path.join(process.cwd(), "lib", "check", "render-worker.ts"))});`;

/** Below this many posts per thread, starting threads costs more than it saves. */
const MIN_POSTS_PER_THREAD = 150;

/**
 * Collects the problems rendering finds in every post. With `fillCache` (the
 * build's check), each post is rendered once into the render cache that the
 * build's pages read; without it (`npm run check`), only the problems are
 * found, which skips highlighting. Large sites are split over worker threads,
 * one per core: rendering is CPU-bound and posts are independent.
 */
export async function renderAll(
  root: string, posts: readonly Post[], site: Site, fillCache: boolean, onProgress?: (done: number, total: number) => void,
): Promise<ContentProblem[]> {
  const threads = Math.min(Number(process.env.BLOG_THREADS) || os.availableParallelism(), Math.floor(posts.length / MIN_POSTS_PER_THREAD));
  let done = 0;
  const problems: ContentProblem[] = [];
  const renderHere = async (post: Post) => {
    problems.push(...(fillCache ? (await renderPost(post, site.renderContext)).problems : await checkPostBody(post, site.renderContext)));
    onProgress?.(++done, posts.length);
  };
  if (threads < 2) {
    for (const post of posts) await renderHere(post);
    return problems;
  }
  const mode = { drafts: site.mode.drafts, future: site.mode.future, now: site.mode.now.toISOString() };
  const bySource = new Map(posts.map((post) => [post.source, post]));
  const shares = Array.from({ length: threads }, (_, i) => posts.filter((_, index) => index % threads === i).map((p) => p.source));
  // A bounded heap makes each thread collect its garbage instead of growing: at 10,000 posts the check
  // peaked at 3.1 GiB without a bound, 1.8-1.9 GiB with this one, in the same time. The site model takes about 15 MB
  // of heap per 1,000 posts; a thread that still runs out (a huge post) hands its remaining posts back.
  const heapMb = Number(process.env.BLOG_WORKER_HEAP_MB) || 512 + Math.ceil(posts.length / 20);
  const leftOver: string[] = [];
  await Promise.all(
    shares.map(
      (sources) =>
        new Promise<void>((resolve, reject) => {
          const job: RenderJob = { root, sources, mode, fillCache };
          // Worker threads do not inherit tsx's loader, so the worker registers it before loading the TypeScript.
          const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
          const pending = new Set(sources);
          worker.on("message", (message: { source?: string; problems?: ContentProblem[]; error?: string }) => {
            if (message.error) return reject(new Error(`Rendering failed in a worker thread: ${message.error}`));
            problems.push(...(message.problems ?? []));
            onProgress?.(++done, posts.length);
            if (message.source) pending.delete(message.source);
            if (pending.size === 0) void worker.terminate().then(() => resolve());
          });
          worker.on("error", (error: Error & { code?: string }) => {
            if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") return reject(error);
            leftOver.push(...pending);
            pending.clear();
            resolve();
          });
          worker.on("exit", (code) => (pending.size > 0 ? reject(new Error(`A render worker stopped early (exit ${code})`)) : resolve()));
          if (sources.length === 0) void worker.terminate().then(() => resolve());
        }),
    ),
  );
  // Posts of a thread that ran out of memory are rendered here, where the heap is not bounded.
  if (leftOver.length > 0) {
    console.error(`A render thread ran out of memory (${heapMb} MB; BLOG_WORKER_HEAP_MB sets it); its ${leftOver.length} remaining posts are rendered in the main thread.`);
  }
  for (const source of leftOver) await renderHere(bySource.get(source)!);
  return problems;
}
