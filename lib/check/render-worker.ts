// A worker thread of `renderAll`: loads the same site (from the content cache),
// renders its share of the posts (into the render cache, for a build), and sends back their problems.
import { parentPort, workerData } from "node:worker_threads";
import { loadContent } from "@/lib/content/load";
import { buildSite } from "@/lib/site/model";
import { problemsOfPost, type RenderJob } from "./render-all";

async function main() {
  const job = workerData as RenderJob;
  const content = loadContent(job.root);
  const site = buildSite(content, { ...job.mode, now: new Date(job.mode.now) });
  const bySource = new Map(content.posts.map((post) => [post.source, post]));
  // Loading is done: the main thread times each post from here, and says when to start each one, so
  // that it always knows which post this thread is rendering (when it overruns its time or memory).
  const go = () => new Promise<void>((resolve) => parentPort!.once("message", () => resolve()));
  parentPort!.postMessage({ ready: true });
  for (const source of job.sources) {
    await go();
    const post = bySource.get(source);
    const problems = post ? await problemsOfPost(post, site.renderContext, job.fillCache) : [];
    parentPort!.postMessage({ problems });
  }
}

void main().catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
});
