#!/usr/bin/env node
// Serves the static export in out/ the way a static host does: clean URLs
// (/blog/post/ -> blog/post/index.html), and 404.html with a real 404 status.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import sirv from "sirv";

const dir = path.resolve(process.env.OUT_DIR ?? "out");
const port = Number(process.env.PORT ?? 3000);

if (!fs.existsSync(path.join(dir, "index.html"))) {
  console.error(`No static export in ${dir}. Run \`npm run build\` first.`);
  process.exit(1);
}

const notFoundPage = path.join(dir, "404.html");
const serve = sirv(dir, { extensions: ["html"], dev: process.env.NODE_ENV === "development", etag: true });

const server = http.createServer((req, res) => {
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    fs.createReadStream(notFoundPage).on("error", () => res.end("Not found")).pipe(res);
  });
});

server.listen(port, () => {
  console.log(`Serving ${path.relative(process.cwd(), dir) || dir} at http://localhost:${port}`);
});
