// A worker thread of `renderAll`: started early, it parses post files the main thread hands it while
// the content is loaded; then it loads the same site (from the content cache) when told which, and
// renders the posts it is given one at a time (into the render cache, for a build), sending back their problems.
import { parentPort } from "node:worker_threads";
import { loadContent, loadContext, loadPostFile, type PostFile } from "@/lib/content/load";
import { buildSite } from "@/lib/site/model";
import { problemsOfPost, type RenderJob } from "./render-all";

type Message = { job: RenderJob } | { source: string } | { parse: { id: number; root: string; files: PostFile[] } };

// One listener for every message, queued until read: the main thread may send the next share of
// files to parse before this one is done, and a message that arrived without a listener would be lost.
const inbox: Message[] = [];
let waiting: ((message: Message) => void) | undefined;
parentPort!.on("message", (message: Message) => {
  if (waiting) {
    const resolve = waiting;
    waiting = undefined;
    resolve(message);
  } else inbox.push(message);
});
const nextMessage = () => new Promise<Message>((resolve) => (inbox.length > 0 ? resolve(inbox.shift()!) : (waiting = resolve)));

let parseContext: ReturnType<typeof loadContext> | undefined;

/** Parses a share of the post files for the main thread, against the same config, authors and assets. */
function parseShare({ id, root, files }: { id: number; root: string; files: PostFile[] }) {
  parseContext ??= loadContext(root);
  const { context, key } = parseContext;
  const results = files.map((file) => loadPostFile(file, context, key));
  try {
    parentPort!.postMessage({ parsed: { id, results } });
  } catch {
    // A post that cannot be copied to the main thread: the main thread parses the share itself.
    parentPort!.postMessage({ parsed: { id } });
  }
}

async function main() {
  let message = await nextMessage();
  for (; "parse" in message; message = await nextMessage()) parseShare(message.parse);
  if (!("job" in message)) throw new Error("a render thread was sent a post before its job");
  const { job } = message;
  const content = loadContent(job.root);
  const site = buildSite(content, { ...job.mode, now: new Date(job.mode.now) });
  const bySource = new Map(content.posts.map((post) => [post.source, post]));
  parentPort!.postMessage({ ready: true });
  // The main thread sends the next post when this one is done, and stops the thread when none is left.
  for (;;) {
    const next = await nextMessage();
    if (!("source" in next)) continue;
    const post = bySource.get(next.source);
    const problems = post ? await problemsOfPost(post, site.renderContext, job.fillCache) : [];
    parentPort!.postMessage({ problems });
  }
}

void main().catch((error: unknown) => {
  parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
});
