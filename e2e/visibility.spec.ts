import { test, expect } from "./fixtures";

// One rule decides what is public (lib/site/visibility.ts). In a production build, a draft
// (_drafts/ or published: false) and a future-dated post must appear nowhere: not at their URLs,
// not in any listing, feed, the sitemap, the search index or a share image.
const HIDDEN = [
  { title: "Feature flags without the mess", url: "/blog/engineering/feature-flags-without-the-mess/", query: "feature flags" },
  { title: "Our postmortem template, version two", url: "/blog/team/postmortem-template-v2/", query: "postmortem template" },
  { title: "Retiring the monolith's last cron job", url: "/blog/infrastructure/retiring-the-last-cron-job/", query: "cron job" },
];

const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;");

test("hidden posts are on no page of the site, in no feed and at no URL", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const pages = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g)].map((m) => m[1]!);
  expect(pages.length).toBeGreaterThan(20);
  const feeds = ["/blog/feed.xml", "/blog/rss.xml", "/blog/feed.json", "/blog/engineering/feed.xml", "/blog/team/feed.xml", "/blog/infrastructure/feed.xml"];
  for (const path of [...pages, ...feeds, "/blog/search/"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    for (const hidden of HIDDEN) {
      expect(body.includes(hidden.url), `${hidden.url} linked from ${path}`).toBe(false);
      expect(body.includes(escaped(hidden.title)) || body.includes(hidden.title), `"${hidden.title}" on ${path}`).toBe(false);
    }
  }
  for (const hidden of HIDDEN) expect((await request.get(hidden.url)).status(), hidden.url).toBe(404);
});

test("hidden posts are not in the search index", async ({ page }) => {
  for (const hidden of HIDDEN) {
    await page.goto(`/blog/search/?q=${encodeURIComponent(hidden.query)}`);
    await expect(page.getByRole("status")).toContainText(hidden.query);
    await expect(page.locator(".search-result").getByRole("heading", { name: hidden.title })).toHaveCount(0);
  }
});
