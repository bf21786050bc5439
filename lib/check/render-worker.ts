// A worker thread of `renderAll`: loads the same site (from the content cache) when told which,
// then renders the posts it is given one at a time (into the render cache, for a build), sending back their problems.
import { parentPort } from "node:worker_threads";
import { loadContent } from "@/lib/content/load";
import { buildSite } from "@/lib/site/model";
import { problemsOfPost, type RenderJob } from "./render-all";

const nextMessage = <T>() => new Promise<T>((resolve) => parentPort!.once("message", resolve));

async function main() {
  // Started early, the thread loads its modules while the main thread loads the content; then the job comes.
  const { job } = await nextMessage<{ job: RenderJob }>();
  const content = loadContent(job.root);
  const site = buildSite(content, { ...job.mode, now: new Date(job.mode.now) });
  const bySource = new Map(content.posts.map((post) => [post.source, post]));
  parentPort!.postMessage({ ready: true });
  // The main thread sends the next post when this one is done, and stops the thread when none is left.
  for (;;) {
    const { source } = await nextMessage<{ source: string }>();
    const post = bySource.get(source);
    const problems = post ? await problemsOfPost(post, site.renderContext, job.fillCache) : [];
    parentPort!.postMessage({ problems });
  }
}

void main().catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
});
