// The full-text search index: Pagefind over the finished export, offline,
// written to <out>/pagefind/ where public/js/search.js loads it from.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** True when any exported page marks content for the index (published posts do, see post-view.tsx). */
function hasIndexableContent(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "_next" && entry.name !== "pagefind" && hasIndexableContent(full)) return true;
    } else if (entry.name.endsWith(".html") && fs.readFileSync(full, "utf8").includes("data-pagefind-body")) {
      return true;
    }
  }
  return false;
}

/**
 * Indexes only what pages mark with data-pagefind-body. Without any such page
 * (a blog with no published posts yet) Pagefind would index every page,
 * drafts in a --drafts build included, so then no index is written and the
 * search page says search is unavailable.
 */
export function buildSearchIndex(outDir, { quiet = false } = {}) {
  fs.rmSync(path.join(outDir, "pagefind"), { recursive: true, force: true });
  if (!hasIndexableContent(outDir)) {
    console.warn("Search index: no published posts to index; search is unavailable in this build.");
    return false;
  }
  // The npm package's launcher (not in its "exports"): it runs the platform binary from @pagefind/<platform>.
  const bin = fileURLToPath(new URL("../node_modules/pagefind/lib/runner/bin.cjs", import.meta.url));
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, "--site", outDir, "--output-subdir", "pagefind", ...(quiet ? ["--quiet"] : [])], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`Pagefind failed (exit ${result.status ?? result.signal}); the search index was not built.`);
  if (!quiet) console.log(`Search index written to ${path.join(path.basename(outDir), "pagefind")} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
