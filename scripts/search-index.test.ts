import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSearchIndex } from "./search-index.mjs";

const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

describe("buildSearchIndex", () => {
  let dir = "";
  const site = (files: Record<string, string>) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "search-index-"));
    for (const [file, html] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), html);
    }
    return dir;
  };
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("indexes only pages with data-pagefind-body", () => {
    const out = site({
      "index.html": page("<h1>Posts</h1><p>listing words</p>"),
      "blog/post/index.html": page('<h1 data-pagefind-body>A post</h1><div data-pagefind-body><p>published words</p></div>'),
      "blog/draft/index.html": page("<h1>A draft</h1><p>draft words</p>"),
      "404.html": page("<h1>Page not found</h1>"),
    });
    expect(buildSearchIndex(out, { quiet: true })).toBe(true);
    const entry = JSON.parse(fs.readFileSync(path.join(out, "pagefind", "pagefind-entry.json"), "utf8"));
    expect(entry.languages.en.page_count).toBe(1);
  });

  it("writes no index when no page is marked, instead of indexing every page", () => {
    const out = site({ "index.html": page("<h1>Posts</h1>"), "blog/draft/index.html": page("<h1>A draft</h1>") });
    expect(buildSearchIndex(out, { quiet: true })).toBe(false);
    expect(fs.existsSync(path.join(out, "pagefind"))).toBe(false);
  });
});
