#!/usr/bin/env node
// Serves the static export in out/ the way a static host does: clean URLs
// (/blog/post/ -> blog/post/index.html), 404.html with a real 404 status,
// gzip for text, and long cache lifetimes for Next.js's content-hashed assets.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import compression from "compression";
import sirv from "sirv";

const dir = path.resolve(process.env.OUT_DIR ?? "out");
const port = Number(process.env.PORT ?? 3000);

if (!fs.existsSync(path.join(dir, "index.html"))) {
  console.error(`No static export in ${dir}. Run \`npm run build\` first.`);
  process.exit(1);
}

// A blog with a baseurl (Jekyll's, Next's basePath) is served under it, as on its host: out/ at /base/.
// Read from the export itself (its stylesheet link), so any out/ is served as it was built.
const basePath = /\bhref="(\/[^"]*?)?\/_next\/static\//.exec(fs.readFileSync(path.join(dir, "index.html"), "utf8"))?.[1] ?? "";

const notFoundPage = path.join(dir, "404.html");
const compress = compression();
const serve = sirv(dir, {
  extensions: ["html"],
  etag: true,
  setHeaders(res, pathname) {
    // File names under /_next/static/ change with their content; everything else may change on the next deploy.
    res.setHeader("Cache-Control", pathname.startsWith("/_next/static/") ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate");
  },
});

const server = http.createServer((req, res) => {
  if (basePath) {
    const url = req.url ?? "/";
    if (url === "/" || url === basePath) {
      res.writeHead(302, { Location: `${basePath}/` }).end();
      return;
    }
    if (!url.startsWith(`${basePath}/`)) return notFound(res);
    req.url = url.slice(basePath.length);
  }
  compress(req, res, () => {
    serve(req, res, () => notFound(res));
  });
});

function notFound(res) {
  res.statusCode = 404;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  fs.createReadStream(notFoundPage).on("error", () => res.end("Not found")).pipe(res);
}

server.listen(port, () => {
  console.log(`Serving ${path.relative(process.cwd(), dir) || dir} at http://localhost:${port}${basePath}/`);
});
