import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderWith } from "../lib/testing/folder-fixture";
import { buildSearchIndex, indexPlan } from "./search-index.mjs";

/** How many pages the index in `bundle` (a Pagefind output folder) holds. */
const pageCount = (bundle: string) => JSON.parse(fs.readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")).languages.en.page_count;

const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

/** An export holding posts 1 to `count` at blog/post-N/index.html, each marked for the index. */
const postPages = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`blog/post-${i + 1}/index.html`, page(`<h1 data-pagefind-body>Post ${i + 1}</h1><div data-pagefind-body><p>words of post ${i + 1}</p></div>`)]));

describe("buildSearchIndex", () => {
  const site = (files: Record<string, string>) => folderWith(files, "search-index-");

  it("indexes only pages with data-pagefind-body", async () => {
    const out = site({
      "index.html": page("<h1>Posts</h1><p>listing words</p>"),
      "blog/post/index.html": page('<h1 data-pagefind-body>A post</h1><div data-pagefind-body><p>published words</p></div>'),
      "blog/draft/index.html": page("<h1>A draft</h1><p>draft words</p>"),
      "404.html": page("<h1>Page not found</h1>"),
    });
    expect(await buildSearchIndex(out, { quiet: true })).toBe(true);
    expect(pageCount(path.join(out, "pagefind"))).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(out, "pagefind", "more-indexes.json"), "utf8"))).toEqual([]);
    // Pagefind was handed the marked page in a folder of its own, which is gone again.
    expect(fs.readdirSync(out).sort()).toEqual(["404.html", "blog", "index.html", "pagefind"]);
  });

  it("indexes the pages it is given, without reading the rest of the export", async () => {
    const out = site({
      "blog/one/index.html": page('<h1 data-pagefind-body>One</h1><div data-pagefind-body><p>first words</p></div>'),
      "blog/two.html": page('<h1 data-pagefind-body>Two</h1><div data-pagefind-body><p>second words</p></div>'),
      // Marked, but not in the list: the list is what the site model says is searchable.
      "blog/three/index.html": page('<h1 data-pagefind-body>Three</h1><div data-pagefind-body><p>third words</p></div>'),
    });
    expect(await buildSearchIndex(out, { quiet: true, pages: ["blog/one/index.html", "blog/two.html"] })).toBe(true);
    expect(pageCount(path.join(out, "pagefind"))).toBe(2);
  });

  it("searches the export for marked pages when a page it is given is not there", async () => {
    const out = site({
      "blog/one/index.html": page('<h1 data-pagefind-body>One</h1><div data-pagefind-body><p>first words</p></div>'),
      "blog/three/index.html": page('<h1 data-pagefind-body>Three</h1><div data-pagefind-body><p>third words</p></div>'),
    });
    expect(await buildSearchIndex(out, { quiet: true, pages: ["blog/one/index.html", "blog/caf%C3%A9/index.html"] })).toBe(true);
    expect(pageCount(path.join(out, "pagefind"))).toBe(2);
  });

  it("writes no index when no page is marked, instead of indexing every page", async () => {
    const out = site({ "index.html": page("<h1>Posts</h1>"), "blog/draft/index.html": page("<h1>A draft</h1>") });
    expect(await buildSearchIndex(out, { quiet: true })).toBe(false);
    expect(fs.existsSync(path.join(out, "pagefind"))).toBe(false);
  });
});

describe("buildSearchIndex on a large blog", () => {

  it("splits the posts over several indexes and lists the extra ones for the search page", async () => {
    const dir = folderWith({ ...postPages(5), "index.html": page("<h1>Posts</h1>") }, "search-index-");
    expect(await buildSearchIndex(dir, { quiet: true, postsPerIndex: 2 })).toBe(true);
    const bundle = path.join(dir, "pagefind");
    expect(JSON.parse(fs.readFileSync(path.join(bundle, "more-indexes.json"), "utf8"))).toEqual(["index-2/", "index-3/"]);
    expect([pageCount(bundle), pageCount(path.join(bundle, "index-2")), pageCount(path.join(bundle, "index-3"))]).toEqual([2, 2, 1]);
    // The folders of pages handed to Pagefind are gone; the export is as it was.
    expect(fs.readdirSync(dir).sort()).toEqual(["blog", "index.html", "pagefind"]);
  });

  it.runIf(os.availableParallelism() >= 2)("builds two indexes at the same time, each with its share of the posts", async () => {
    const dir = folderWith(postPages(6), "search-index-");
    expect(await buildSearchIndex(dir, { quiet: true, splitFrom: 2 })).toBe(true);
    const bundle = path.join(dir, "pagefind");
    expect(JSON.parse(fs.readFileSync(path.join(bundle, "more-indexes.json"), "utf8"))).toEqual(["index-2/"]);
    expect([pageCount(bundle), pageCount(path.join(bundle, "index-2"))]).toEqual([3, 3]);
    expect(fs.readdirSync(dir).sort()).toEqual(["blog", "pagefind"]);
  });
});

describe("indexPlan", () => {
  it("keeps a small blog in one index", () => {
    expect(indexPlan(209, 4000, { cores: 2 })).toEqual({ indexes: 1, parallel: 1 });
    expect(indexPlan(1499, 4000, { cores: 8 })).toEqual({ indexes: 1, parallel: 1 });
    // A lower limit still splits it, one index after the other.
    expect(indexPlan(209, 70, { cores: 2 })).toEqual({ indexes: 3, parallel: 1 });
  });

  it("builds a large blog's indexes two at a time, in a multiple of two", () => {
    expect(indexPlan(3000, 4000, { cores: 2 })).toEqual({ indexes: 2, parallel: 2 });
    expect(indexPlan(10000, 4000, { cores: 2 })).toEqual({ indexes: 6, parallel: 2 });
    expect(indexPlan(10000, 4000, { cores: 16 })).toEqual({ indexes: 6, parallel: 2 });
  });

  it("builds them one after the other on one core", () => {
    expect(indexPlan(3000, 4000, { cores: 1 })).toEqual({ indexes: 1, parallel: 1 });
    expect(indexPlan(10000, 4000, { cores: 1 })).toEqual({ indexes: 3, parallel: 1 });
  });

  it("never has more posts in memory at once than one index may hold", () => {
    for (const posts of [1500, 2001, 3999, 4001, 7777, 10000, 25000]) {
      for (const limit of [1, 3, 1000, 2500, 4000]) {
        const { indexes, parallel } = indexPlan(posts, limit, { cores: 2 });
        expect(Math.ceil(posts / indexes) * parallel, `${posts} posts, ${limit} per index`).toBeLessThanOrEqual(limit);
      }
    }
  });
});
