// A worker thread of `renderAll`: loads the same site (from the content cache),
// renders its share of the posts (into the render cache, for a build), and sends back their problems.
import { parentPort, workerData } from "node:worker_threads";
import { loadContent } from "@/lib/content/load";
import { checkPostBody, renderPost } from "@/lib/markdown";
import { buildSite } from "@/lib/site/model";
import type { RenderJob } from "./render-all";

async function main() {
  const job = workerData as RenderJob;
  const content = loadContent(job.root);
  const site = buildSite(content, { ...job.mode, now: new Date(job.mode.now) });
  const bySource = new Map(content.posts.map((post) => [post.source, post]));
  // Loading is done: the main thread times each post from here.
  parentPort!.postMessage({ ready: true });
  for (const source of job.sources) {
    const post = bySource.get(source);
    const problems = !post ? [] : job.fillCache ? (await renderPost(post, site.renderContext)).problems : await checkPostBody(post, site.renderContext);
    parentPort!.postMessage({ source, problems });
  }
}

void main().catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
});
