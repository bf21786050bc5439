import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// The sample blog built with `baseurl: /team-blog` (e2e/baseurl/config-overlay.yml), served
// under that path only, as a GitHub Pages project site is. Any link, stylesheet, font, script
// or image the blog writes without the base fails its request here (fixtures.ts fails the test).
const BASE = "/team-blog";
const ROOT_URL = `https://team.github.io${BASE}`;

/** Same-origin URLs the page's own markup points at, outside the post body (authors' links are checked by `npm run check`). */
async function siteUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urls: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>("a[href], link[href], script[src], img[src], form[action]")) {
      if (element.closest(".post-body")) continue;
      const value = element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action") ?? "";
      const url = new URL(value, location.href);
      if (url.origin === location.origin && !value.startsWith("#")) urls.push(url.pathname);
    }
    return urls;
  });
}

test("every URL the home page and a post write is under the baseurl, and each one loads", async ({ page }) => {
  await page.goto(`${BASE}/`);
  await expect(page.locator("link[rel=stylesheet]").first()).toHaveAttribute("href", new RegExp(`^${BASE}/_next/static/`));
  const homeUrls = await siteUrls(page);
  await page.locator(".post-card-title a").first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE}/blog/[^/]+/[^/]+/$`));
  await expect(page.locator(".post-body")).toBeVisible();
  const postUrls = await siteUrls(page);
  const all = [...new Set([...homeUrls, ...postUrls])];
  expect(all.length).toBeGreaterThan(10);
  expect(all.filter((url) => !url.startsWith(`${BASE}/`))).toEqual([]);
  for (const url of all) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
  }
});

test("the header, a category and a tag lead to their pages under the baseurl", async ({ page }) => {
  await page.goto(`${BASE}/blog/`);
  await page.getByRole("link", { name: "Archive" }).click();
  await expect(page).toHaveURL(`${BASE}/blog/archive/`);
  await page.locator(".archive a").first().click();
  await expect(page).toHaveURL(new RegExp(`^[^?]*${BASE}/blog/`));
  await page.locator(".category-badge").first().click();
  await expect(page.locator("h1")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${BASE}/blog/[^/]+/$`));
});

test("search finds posts and links them under the baseurl", async ({ page }) => {
  await page.goto(`${BASE}/blog/search/?q=backfill`);
  const result = page.locator(".search-result").first();
  await expect(result).toBeVisible();
  await expect(result.getByRole("link").first()).toHaveAttribute("href", `${BASE}/blog/infrastructure/zero-downtime-column-renames/`);
  await page.getByRole("searchbox", { name: "Search posts" }).fill("quarantine");
  const flaky = page.locator(".search-result", { hasText: "Taming flaky tests" });
  await flaky.getByRole("link").first().click();
  await expect(page).toHaveURL(`${BASE}/blog/engineering/taming-flaky-tests/`);
});

test("feeds, sitemap and page metadata give absolute URLs under the baseurl", async ({ page, request }) => {
  const feed = await (await request.get(`${BASE}/blog/feed.xml`)).text();
  // The feed's own URLs; links in post bodies are as their authors wrote them.
  const feedUrls = [...feed.matchAll(/<id>([^<]*)<\/id>|<link [^>]*href="([^"]*)"/g)].map((m) => m[1] ?? m[2]);
  expect(feedUrls.length).toBeGreaterThan(10);
  expect(feedUrls.filter((url) => !url!.startsWith(`${ROOT_URL}/`))).toEqual([]);
  const sitemap = await (await request.get(`${BASE}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${ROOT_URL}/blog/`);
  expect(sitemap).not.toMatch(/<loc>https:\/\/team\.github\.io\/(?!team-blog\/)/);
  await page.goto(`${BASE}/blog/engineering/taming-flaky-tests/`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${ROOT_URL}/blog/engineering/taming-flaky-tests/`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`^${ROOT_URL}/`));
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", `${ROOT_URL}/blog/feed.xml`);
});

test("outside the baseurl the host has nothing of the blog", async ({ request }) => {
  expect((await request.get("/blog/", { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(`${BASE}/no-such-page/`)).status()).toBe(404);
});
