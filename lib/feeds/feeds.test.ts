// Feeds held to the rules a validator checks (RFC 4287, RSS 2.0 and its best-practice profile, JSON Feed 1.1).
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Site } from "@/lib/site";
import { expectAbsoluteUrls, list, parseXml, RFC_3339, RFC_822, text } from "@/lib/testing/feed-checks";
import { loadContent } from "@/lib/content/load";
import { buildSite } from "@/lib/site/model";
import { HOSTILE_TITLE, SEO_NOW, seoFixtureSite } from "@/lib/testing/seo-fixture";
import { makeSite, post } from "@/lib/testing/site-fixture";
import { renderPost } from "@/lib/markdown";
import { renderFeed } from "./render";
import { feedAlternates, feedSpecs, findFeed, type FeedSpec } from "./specs";

const ABSOLUTE = /^https:\/\/blog\.example\.org\//;
const PUBLISHED = ["Nobody wrote this", HOSTILE_TITLE, "First & foremost"];

function decodeHtml(html: string): string {
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

let site: Site;
const feed = (path: string) => {
  const spec = findFeed(site, path);
  if (!spec) throw new Error(`no feed at ${path}`);
  return renderFeed(site, spec);
};

beforeAll(() => {
  site = seoFixtureSite();
});

describe("feedSpecs", () => {
  it("puts Atom at feed.path, RSS and JSON Feed next to it, and the same three in each category's folder", () => {
    const paths = feedSpecs(site).map((s: FeedSpec) => `${s.format} ${s.path}`);
    expect(paths).toEqual([
      "atom /blog/feed.xml", "rss /blog/rss.xml", "json /blog/feed.json",
      "atom /blog/odd/feed.xml", "rss /blog/odd/rss.xml", "json /blog/odd/feed.json",
      "atom /blog/engineering/feed.xml", "rss /blog/engineering/rss.xml", "json /blog/engineering/feed.json",
    ]);
  });

  it("carries the newest published posts only, at most feed.limit", () => {
    expect(findFeed(site, "/blog/feed.xml")?.posts.map((p) => p.title)).toEqual(PUBLISHED);
    expect(findFeed(site, "/blog/engineering/feed.json")?.posts.map((p) => p.title)).toEqual(["Nobody wrote this", "First & foremost"]);
    expect(findFeed(seoFixtureSite({ limit: 2 }), "/blog/rss.xml")?.posts).toHaveLength(2);
    // Drafts only where the visibility rule shows them (next dev, --drafts).
    expect(findFeed(seoFixtureSite({ drafts: true }), "/blog/feed.xml")?.posts.map((p) => p.title)).toContain("Draft post");
  });

  it("carry a post once, even when two posts share a URL (the later one is published)", () => {
    const root = makeSite({
      "_config.yml": "url: https://blog.example.org\npermalink: /blog/:categories/:title/\n",
      "_posts/2016/2016-05-01-training.md": post("title: Spring training\ncategory: team"),
      "_posts/2016/2016-09-01-training.md": post("title: Autumn training\ncategory: team"),
    });
    const shared = buildSite(loadContent(root), { drafts: false, future: false, now: SEO_NOW });
    expect(findFeed(shared, "/blog/feed.xml")?.posts.map((p) => p.title)).toEqual(["Autumn training"]);
    expect(findFeed(shared, "/blog/team/feed.json")?.posts.map((p) => p.title)).toEqual(["Autumn training"]);
  });

  it("are pages posts may link to", async () => {
    const post = site.posts.find((p) => p.title === "Nobody wrote this")!;
    const { problems } = await renderPost(post, site.renderContext);
    expect(problems.filter((p) => p.rule === "links/broken-internal")).toEqual([]);
  });

  it("links every page to the site's feeds, and a category page to its own too", () => {
    expect(feedAlternates(site)["application/atom+xml"]).toEqual([{ url: "/blog/feed.xml", title: "Fixture Blog (Atom)" }]);
    const category = site.categories.find((c) => c.key === "engineering")?.category;
    expect(feedAlternates(site, category)["application/feed+json"]?.map((l) => l.url)).toEqual(["/blog/feed.json", "/blog/engineering/feed.json"]);
  });
});

describe("Atom feed", () => {
  it("has the elements RFC 4287 requires, with absolute URLs and RFC 3339 dates", async () => {
    const { feed: root } = parseXml(await feed("/blog/feed.xml"));
    expect(root._attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(text(root.id)).toBe("https://blog.example.org/blog/feed.xml");
    expect(text(root.title)).toBe("Fixture Blog");
    // The newest change (the post of 2024-04-01, Berlin time), not the build time.
    expect(text(root.updated)).toBe("2024-03-31T22:00:00.000Z");
    expect(text(root.author.name)).toBe("Fixture Blog");
    const links = list(root.link).map((l) => l._attributes);
    expect(links).toContainEqual({ rel: "self", href: "https://blog.example.org/blog/feed.xml" });
    expect(links).toContainEqual({ rel: "alternate", href: "https://blog.example.org/blog/" });

    const entries = list(root.entry);
    expect(entries.map((e) => decodeHtml(text(e.title)))).toEqual(PUBLISHED);
    for (const entry of entries) {
      expect(text(entry.id)).toMatch(ABSOLUTE);
      expect(list(entry.link)[0]?._attributes?.href).toMatch(ABSOLUTE);
      expect(text(entry.updated)).toMatch(RFC_3339);
      expect(text(entry.published)).toMatch(RFC_3339);
      expect(entry.content._attributes.type).toBe("html");
      expectAbsoluteUrls(text(entry.content));
    }
  });

  it("gives each entry its dates, authors with their pages, categories, tags and summary", async () => {
    const { feed: root } = parseXml(await feed("/blog/feed.xml"));
    const first = list(root.entry).find((e) => text(e.title) === "First &amp; foremost")!;
    expect(text(first.published)).toBe("2023-12-31T23:00:00.000Z");
    expect(text(first.updated)).toBe("2024-01-31T23:00:00.000Z");
    expect(list(first.author).map((a) => [text(a.name), text(a.uri)])).toEqual([["Ada Lovelace", "https://blog.example.org/blog/authors/ada/"]]);
    expect(list(first.category).map((c) => c._attributes)).toEqual([
      { label: "Engineering", term: "engineering" }, { label: "ci", term: "ci" }, { label: "Tips & Tricks", term: "tips-tricks" },
    ]);
    expect(decodeHtml(text(first.summary))).toMatch(/^The first paragraph/);
    const content = text(first.content);
    expect(content).toContain('<img src="https://blog.example.org/assets/img/headers/first.png"');
    expect(content).toContain('href="https://blog.example.org/blog/odd/hostile/"');
    expect(content).toContain('href="https://blog.example.org/blog/engineering/first/#later"');
  });

  it("survives a hostile title and body: escaped title, CDATA ends, control characters", async () => {
    const xml = await feed("/blog/feed.xml");
    const { feed: root } = parseXml(xml);
    const hostile = list(root.entry).find((e) => decodeHtml(text(e.title)) === HOSTILE_TITLE)!;
    expect(text(hostile.content)).toContain("<code>]]&gt;</code> and <code>]]&gt;</code>");
    expect(text(hostile.content)).not.toContain("\u0007");
    expect(list(hostile.category)[0]?._attributes).toEqual({ label: "C++> & more", term: "odd" });
    expect(xml).not.toContain("<script>");
  });

  it("has no author elements for a post without authors; the feed's author covers it", async () => {
    const { feed: root } = parseXml(await feed("/blog/feed.xml"));
    expect(list(root.entry)[0]?.author).toBeUndefined();
  });
});

describe("RSS 2.0 feed", () => {
  it("has the required channel and item elements, RFC 822 dates and Dublin Core creators", async () => {
    const { rss } = parseXml(await feed("/blog/rss.xml"));
    expect(rss._attributes.version).toBe("2.0");
    const channel = rss.channel;
    expect(text(channel.title)).toBe("Fixture Blog");
    expect(text(channel.link)).toBe("https://blog.example.org/blog/");
    expect(text(channel.description)).toBe("Notes & news");
    expect(text(channel.lastBuildDate)).toMatch(RFC_822);
    expect(channel["atom:link"]._attributes).toMatchObject({ rel: "self", href: "https://blog.example.org/blog/rss.xml" });

    const items = list(channel.item);
    expect(items.map((i) => text(i.title))).toEqual(PUBLISHED);
    for (const item of items) {
      expect(text(item.link)).toMatch(ABSOLUTE);
      expect(item.guid._attributes.isPermaLink).toBe("true");
      expect(text(item.guid)).toBe(text(item.link));
      expect(text(item.pubDate)).toMatch(RFC_822);
      expect(item.author, "RSS author must be an e-mail address; names go in dc:creator").toBeUndefined();
      expectAbsoluteUrls(text(item["content:encoded"]));
    }
    const hostile = items[1]!;
    expect(list(hostile["dc:creator"]).map(text)).toEqual(["Ada Lovelace", "Alan Turing"]);
    expect(list(hostile.category).map(text)).toEqual(["C<++> & more", "xml"]);
    expect(text(items[2]!.pubDate)).toBe("Sun, 31 Dec 2023 23:00:00 GMT");
  });
});

describe("JSON Feed 1.1", () => {
  it("has the top-level and item fields JSON Feed 1.1 requires, with authors lists", async () => {
    const json = JSON.parse(await feed("/blog/feed.json"));
    expect(json).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "Fixture Blog",
      home_page_url: "https://blog.example.org/blog/",
      feed_url: "https://blog.example.org/blog/feed.json",
      language: "en",
      authors: [{ name: "Fixture Blog" }],
    });
    expect(json.author).toBeUndefined();
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(PUBLISHED);
    for (const item of json.items) {
      expect(item.id).toMatch(ABSOLUTE);
      expect(item.url).toBe(item.id);
      expect(item.date_published).toMatch(RFC_3339);
      expect(item.date_modified).toMatch(RFC_3339);
      expect(item.image).toMatch(ABSOLUTE);
      expect(item.author).toBeUndefined();
      expectAbsoluteUrls(item.content_html);
    }
    const first = json.items[2];
    expect(first.summary).toMatch(/^The first paragraph, with a relative link/);
    expect(first.tags).toEqual(["Engineering", "ci", "Tips & Tricks"]);
    expect(first.authors).toEqual([{ name: "Ada Lovelace", url: "https://blog.example.org/blog/authors/ada/", avatar: "https://blog.example.org/assets/img/authors/ada.png" }]);
    expect(first.image).toBe("https://blog.example.org/assets/img/headers/first.png");
    expect(json.items[0].authors).toEqual([]);
  });

  it("carries only its category's posts in a category feed", async () => {
    const json = JSON.parse(await feed("/blog/odd/feed.json"));
    expect(json.title).toBe("Fixture Blog: C<++> & more");
    expect(json.home_page_url).toBe("https://blog.example.org/blog/odd/");
    expect(json.items.map((i: { title: string }) => i.title)).toEqual([HOSTILE_TITLE]);
  });
});
