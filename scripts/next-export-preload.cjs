// Preloaded into `next build` by scripts/build.mjs (NODE_OPTIONS --require) when no page keeps
// Next.js's client runtime. Next.js writes each prerendered page as HTML with its runtime scripts and
// inline RSC payload, plus the payload again as a `.rsc` file, and its export step copies that file next
// to the HTML as index.txt, for its client router to fetch. Pages without the runtime need none of it:
// here the page workers write each page without the runtime and skip the payload files, and the
// export step skips their copies. The build rewrote every page and deleted the copies afterwards
// (16,742 pages at 10,000 posts). Should a later Next.js write or copy them another way, the build
// strips and deletes what is left as before (scripts/finalize-export.mjs).
const fs = require("node:fs");
const { clientRuntimeOf, withoutClientRuntime } = require("./client-runtime.cjs");

const { copyFile, writeFile } = fs.promises;

/** Where Next.js writes the pages it prerenders, and their payloads (export/routes/app-page.js); `/` or `\` on Windows. */
const PRERENDERED = /[\\/]server[\\/]app[\\/]/;

/** Next.js's `.rsc` payload copied to the export as `.txt` (export/index.js: copy prerendered routes). */
function isPayloadCopy(source, destination) {
  return String(source).endsWith(".rsc") && String(destination).endsWith(".txt");
}

fs.promises.copyFile = function copyFileExceptPayloads(source, destination, mode) {
  if (isPayloadCopy(source, destination)) return Promise.resolve();
  return copyFile.call(this, source, destination, mode);
};

fs.promises.writeFile = function writePagesWithoutClientRuntime(file, data, options) {
  const name = String(file);
  if (PRERENDERED.test(name)) {
    if (name.endsWith(".rsc")) return Promise.resolve();
    if (name.endsWith(".html") && typeof data === "string" && clientRuntimeOf(data) === "off") data = withoutClientRuntime(data);
  }
  return writeFile.call(this, file, data, options);
};
