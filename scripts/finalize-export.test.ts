import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishFeeds, stripClientRuntime } from "./finalize-export.mjs";

function exportDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blog-out-"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("publishFeeds", () => {
  it("moves every feed from out/feeds/ to its public path and removes the folder", () => {
    const dir = exportDir({ "feeds/blog/feed.xml": "atom", "feeds/blog/events/rss.xml": "rss", "blog/events/index.html": "page" });
    expect(publishFeeds(dir)).toBe(2);
    expect(fs.readFileSync(path.join(dir, "blog/feed.xml"), "utf8")).toBe("atom");
    expect(fs.readFileSync(path.join(dir, "blog/events/rss.xml"), "utf8")).toBe("rss");
    expect(fs.existsSync(path.join(dir, "blog/events/index.html"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "feeds"))).toBe(false);
  });

  it("refuses to overwrite a page", () => {
    const dir = exportDir({ "feeds/blog/index.html": "feed", "blog/index.html": "page" });
    expect(() => publishFeeds(dir)).toThrow(/would overwrite blog\/index.html/);
  });
});

describe("stripClientRuntime", () => {
  it("names the pages Next.js exported as its error page", () => {
    const dir = exportDir({
      "blog/index.html": '<!DOCTYPE html><html lang="en" data-client-runtime="off"><body>ok</body></html>',
      "blog/tags/x/index.html": '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>',
    });
    expect(stripClientRuntime(dir)).toMatchObject({ stripped: 1, errorPages: [path.join("blog", "tags", "x", "index.html")] });
  });
});
