import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderWith } from "@/lib/testing/folder-fixture";
import { publishFeeds, publishStaticFiles, relocateFileLikePages, stripClientRuntime } from "./finalize-export.mjs";

describe("relocateFileLikePages", () => {
  it("makes the pages Next.js exports as name.html/index.html files (a post at /a.html, or at /a: Jekyll's a.html)", () => {
    const dir = folderWith({ "how-we-blog.html/index.html": "post", "blog/2016/03/30/x.html/index.html": "old", "blog/index.html": "page" });
    expect(relocateFileLikePages(dir)).toBe(2);
    expect(fs.readFileSync(path.join(dir, "how-we-blog.html"), "utf8")).toBe("post");
    expect(fs.readFileSync(path.join(dir, "blog/2016/03/30/x.html"), "utf8")).toBe("old");
    expect(fs.readFileSync(path.join(dir, "blog/index.html"), "utf8")).toBe("page");
  });
});

describe("publishFeeds", () => {
  it("moves every feed from out/feeds/ to its public path and removes the folder", () => {
    const dir = folderWith({ "feeds/blog/feed.xml": "atom", "feeds/blog/events/rss.xml": "rss", "blog/events/index.html": "page" });
    expect(publishFeeds(dir)).toBe(2);
    expect(fs.readFileSync(path.join(dir, "blog/feed.xml"), "utf8")).toBe("atom");
    expect(fs.readFileSync(path.join(dir, "blog/events/rss.xml"), "utf8")).toBe("rss");
    expect(fs.existsSync(path.join(dir, "blog/events/index.html"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "feeds"))).toBe(false);
  });

  it("refuses to overwrite a page", () => {
    const dir = folderWith({ "feeds/blog/index.html": "feed", "blog/index.html": "page" });
    expect(() => publishFeeds(dir)).toThrow(/would overwrite blog\/index.html/);
  });
});

describe("stripClientRuntime", () => {
  it("names the pages Next.js exported as its error page", () => {
    const dir = folderWith({
      "blog/index.html": '<!DOCTYPE html><html lang="en" data-client-runtime="off"><body>ok</body></html>',
      "blog/tags/x/index.html": '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>',
    });
    expect(stripClientRuntime(dir)).toMatchObject({ stripped: 1, errorPages: [path.join("blog", "tags", "x", "index.html")] });
  });
});

describe("publishStaticFiles", () => {
  it("moves static files from out/static-files/ to their own paths and drops the stand-in of a site without any", () => {
    const dir = folderWith({ "static-files/CNAME": "blog.example.org", "static-files/images/a.png": "png", "static-files/.no-static-files": "", "blog/index.html": "page" });
    expect(publishStaticFiles(dir)).toBe(2);
    expect(fs.readFileSync(path.join(dir, "CNAME"), "utf8")).toBe("blog.example.org");
    expect(fs.readFileSync(path.join(dir, "images/a.png"), "utf8")).toBe("png");
    expect(fs.existsSync(path.join(dir, "static-files"))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".no-static-files"))).toBe(false);
  });

  it("refuses to overwrite the blog's own files", () => {
    const dir = folderWith({ "static-files/robots.txt": "mine", "robots.txt": "ours" });
    expect(() => publishStaticFiles(dir)).toThrow(/static file robots.txt would overwrite/);
  });

  it("leaves static HTML files alone when stripping pages", () => {
    const dir = folderWith({
      "google123.html": "google-site-verification",
      "blog/index.html": '<!DOCTYPE html><html lang="en" data-client-runtime="off"><body>ok<script src="/_next/static/chunks/a.js"></script></body></html>',
      "blog/index.txt": "rsc",
    });
    expect(stripClientRuntime(dir)).toMatchObject({ stripped: 1, kept: 0 });
    expect(fs.readFileSync(path.join(dir, "google123.html"), "utf8")).toBe("google-site-verification");
    expect(fs.readFileSync(path.join(dir, "blog/index.html"), "utf8")).toBe('<!DOCTYPE html><html lang="en" data-client-runtime="off"><body>ok</body></html>');
    expect(fs.existsSync(path.join(dir, "blog/index.txt"))).toBe(false);
  });

  it("leaves a page that was written without the runtime as it is", () => {
    const html = '<!DOCTYPE html><html lang="en" data-client-runtime="off"><body>ok</body></html>';
    const dir = folderWith({ "blog/index.html": html });
    const before = fs.statSync(path.join(dir, "blog/index.html")).ino;
    expect(stripClientRuntime(dir)).toMatchObject({ stripped: 1, kept: 0 });
    // Not rewritten: the same file, not a replacement.
    expect(fs.statSync(path.join(dir, "blog/index.html")).ino).toBe(before);
  });
});
