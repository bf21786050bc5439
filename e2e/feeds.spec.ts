import type { APIRequestContext, Page } from "@playwright/test";
import { xml2js, type ElementCompact } from "xml-js";
import { test, expect } from "./fixtures";

// Feeds of the sample blog, fetched from the served build the way a feed reader fetches them.
const ORIGIN = "https://engineering.tidewater.example";
const HIDDEN_URLS = ["/blog/engineering/feature-flags-without-the-mess/", "/blog/team/postmortem-template-v2/", "/blog/infrastructure/retiring-the-last-cron-job/"];
const FEEDS = [
  { type: "application/atom+xml", path: "/blog/feed.xml" },
  { type: "application/rss+xml", path: "/blog/rss.xml" },
  { type: "application/feed+json", path: "/blog/feed.json" },
];

const list = (value: unknown): ElementCompact[] => (value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as ElementCompact[]));
const text = (element: ElementCompact | undefined): string => String(element?._cdata ?? element?._text ?? "");

/** The absolute URLs of a feed's items, in order; the XML must parse strictly. */
async function feedItemUrls(request: APIRequestContext, path: string): Promise<string[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const body = await response.text();
  if (path.endsWith(".json")) return (JSON.parse(body) as { items: { url: string }[] }).items.map((item) => item.url);
  const document = xml2js(body, { compact: true }) as ElementCompact;
  if (document.feed) return list(document.feed.entry).map((entry) => list(entry.link)[0]?._attributes?.href as string);
  return list(document.rss.channel.item).map((item) => text(item.link));
}

/** The posts a listing page or the archive links to, as absolute URLs, in page order. */
async function linkedPosts(page: Page, path: string, selector: string): Promise<string[]> {
  await page.goto(path);
  return (await page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))).map((href) => ORIGIN + href);
}

test("every page links to the Atom, RSS and JSON feeds at their public paths", async ({ page }) => {
  for (const path of ["/blog/", "/blog/team/writing-our-on-call-handbook/", "/blog/tags/ci/", "/blog/archive/", "/blog/no-such-page/"]) {
    await page.goto(path);
    for (const feed of FEEDS) {
      await expect(page.locator(`head link[rel="alternate"][type="${feed.type}"]`).first(), `${path}: ${feed.type}`).toHaveAttribute("href", ORIGIN + feed.path);
    }
  }
});

test("the site-wide feeds carry exactly the published posts, newest first", async ({ page, request }) => {
  const published = await linkedPosts(page, "/blog/archive/", ".archive-year li a");
  expect(published).toHaveLength(10);
  for (const feed of FEEDS) {
    const urls = await feedItemUrls(request, feed.path);
    expect(urls, feed.path).toEqual(published);
    for (const hidden of HIDDEN_URLS) expect(urls).not.toContain(ORIGIN + hidden);
  }
});

test("a category page links to its own feeds, which carry that category's posts", async ({ page, request }) => {
  const posts = await linkedPosts(page, "/blog/infrastructure/", "article.post-card h2 a");
  const own = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(own).toHaveCount(2);
  await expect(own.nth(1)).toHaveAttribute("href", `${ORIGIN}/blog/infrastructure/feed.xml`);
  for (const name of ["feed.xml", "rss.xml", "feed.json"]) {
    expect(await feedItemUrls(request, `/blog/infrastructure/${name}`), name).toEqual(posts);
  }
});

test("feeds are published only at their public paths", async ({ request }) => {
  expect((await request.get("/feeds/blog/feed.xml")).status()).toBe(404);
});
