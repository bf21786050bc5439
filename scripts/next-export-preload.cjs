// Preloaded into `next build` by scripts/build.mjs (NODE_OPTIONS --require) when no page keeps
// Next.js's client runtime. Next.js's export step copies each page's RSC payload next to its HTML
// as index.txt, for its client router to fetch; pages without the runtime never do, and the build
// deleted the copies again (16,742 files of 25 KB at 10,000 posts, written and then deleted).
// This skips those copies and nothing else. Should a later Next.js copy them another way, they
// are written and deleted as before (scripts/finalize-export.mjs).
const fs = require("node:fs");

const copyFile = fs.promises.copyFile;

/** Next.js's `.rsc` payload copied to the export as `.txt` (export/index.js: copy prerendered routes). */
function isPayloadCopy(source, destination) {
  return String(source).endsWith(".rsc") && String(destination).endsWith(".txt");
}

fs.promises.copyFile = function copyFileExceptPayloads(source, destination, mode) {
  if (isPayloadCopy(source, destination)) return Promise.resolve();
  return copyFile.call(this, source, destination, mode);
};
