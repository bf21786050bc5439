// Post-processing of Next.js's static export, for what `output: "export"` cannot express.
import fs from "node:fs";
import path from "node:path";

/**
 * Pages whose URL ends in `.html` (Jekyll's `:output_ext`, legacy redirects such
 * as /blog/2016/03/30/post.html) are exported as `post.html/index.html`, because
 * trailingSlash is on for every other URL. Static hosts serve them only as files.
 */
export function relocateFileLikePages(outDir) {
  let moved = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === "_next") continue;
      const full = path.join(dir, entry.name);
      walk(full);
      const index = path.join(full, "index.html");
      if (/\.html?$/i.test(entry.name) && fs.existsSync(index)) {
        const html = fs.readFileSync(index);
        fs.rmSync(full, { recursive: true });
        fs.writeFileSync(full, html);
        moved++;
      }
    }
  };
  walk(outDir);
  return moved;
}

export function finalizeExport(outDir) {
  const moved = relocateFileLikePages(outDir);
  return { moved };
}
