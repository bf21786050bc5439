#!/usr/bin/env node
// `npm run dev`: `next dev`, plus a reload of the open page whenever a file in
// the content folder changes (Next.js only watches code, not content).
// The site model reloads itself (lib/content/watch.ts); this tells browsers when.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const contentDir = path.resolve(process.env.BLOG_CONTENT_DIR || "content");
const reloadPort = Number(process.env.BLOG_LIVE_RELOAD_PORT ?? 35729);
const clients = new Set();

const server = http.createServer((req, res) => {
  if (req.url !== "/events") {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" });
  res.write(": connected\n\n");
  clients.add(res);
  req.on("close", () => clients.delete(res));
});

let liveReload = true;
server.on("error", (error) => {
  liveReload = false;
  console.warn(`Live reload is off (port ${reloadPort}: ${error.message}); reload the page yourself after editing content.`);
});
server.listen(reloadPort);

let timer;
try {
  fs.watch(contentDir, { recursive: true }, (_event, file) => {
    clearTimeout(timer);
    // Editors write files in several steps; wait for the last one.
    timer = setTimeout(() => {
      for (const client of clients) client.write(`event: content\ndata: ${JSON.stringify(file ?? "")}\n\n`);
    }, 120);
  });
} catch (error) {
  console.warn(`Cannot watch ${contentDir}: ${error.message}`);
}

const next = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...(liveReload ? { BLOG_LIVE_RELOAD_PORT: String(reloadPort) } : {}) },
});
next.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
