import { describe, expect, it, vi } from "vitest";
import { loadContent } from "@/lib/content/load";
import { buildSite } from "@/lib/site/model";
import { expectAbsoluteUrls, list, parseXml, RFC_3339, RFC_822, text } from "@/lib/testing/feed-checks";
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_MESSAGE } from "@/lib/testing/site-fixture";
import { renderFeed } from "./render";
import { feedSpecs } from "./specs";

if (!HAS_CORPUS) console.warn(`lib/feeds/corpus-feeds.test.ts: ${NO_CORPUS_MESSAGE}`);

describe.skipIf(!HAS_CORPUS)("feeds of the ePages corpus", () => {
  it("parses every feed, site-wide and per category, with the newest posts, absolute URLs and valid dates", async () => {
    const site = buildSite(loadContent(CORPUS_DIR), { drafts: false, future: false, now: new Date() });
    const specs = feedSpecs(site);
    expect(specs.map((s) => s.path).slice(0, 3)).toEqual(["/blog/feed.xml", "/blog/rss.xml", "/blog/feed.json"]);
    expect(specs).toHaveLength(3 * (1 + site.categories.length));
    for (const spec of specs) {
      const body = await renderFeed(site, spec);
      const expected = spec.posts.map((p) => p.title);
      expect(expected.length, spec.path).toBe(Math.min(20, spec.category ? site.categories.find((c) => c.key === spec.category?.slug)!.posts.length : site.posts.length));
      if (spec.format === "json") {
        const json = JSON.parse(body) as { items: { title: string; date_published: string; content_html: string }[] };
        expect(json.items.map((i) => i.title), spec.path).toEqual(expected);
        for (const item of json.items) {
          expect(item.date_published).toMatch(RFC_3339);
          expectAbsoluteUrls(item.content_html);
        }
        continue;
      }
      const document = parseXml(body);
      const entries = spec.format === "atom" ? list(document.feed.entry) : list(document.rss.channel.item);
      expect(entries, spec.path).toHaveLength(expected.length);
      for (const entry of entries) {
        if (spec.format === "atom") expect(text(entry.published)).toMatch(RFC_3339);
        else expect(text(entry.pubDate)).toMatch(RFC_822);
        expectAbsoluteUrls(text(spec.format === "atom" ? entry.content : entry["content:encoded"]));
      }
    }
  });
});
