import type { Page } from "@playwright/test";
import { xml2js, type ElementCompact } from "xml-js";
import { test, expect } from "./fixtures";

// Sitemap, robots.txt, page metadata, JSON-LD and Open Graph images of the served sample blog.
const ORIGIN = "https://engineering.tidewater.example";
const HIDDEN_URLS = ["/blog/engineering/feature-flags-without-the-mess/", "/blog/team/postmortem-template-v2/", "/blog/infrastructure/retiring-the-last-cron-job/"];
const POST_WITH_HEADER = "/blog/team/writing-our-on-call-handbook/";
const POST_WITHOUT_HEADER = "/blog/team/code-review-as-a-conversation/";

const meta = (page: Page, property: string) => page.locator(`head meta[property="${property}"], head meta[name="${property}"]`);

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts).toHaveLength(1);
  const data = JSON.parse(scripts[0]!) as Record<string, unknown>;
  return (data["@graph"] as Record<string, unknown>[] | undefined) ?? [data];
}

test("the sitemap lists every post the archive and the index list, every listing page, and no hidden post", async ({ page, request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const document = xml2js(await response.text(), { compact: true }) as ElementCompact;
  const entries = (document.urlset.url as ElementCompact[]).map((url) => ({ loc: String(url.loc._text), lastmod: url.lastmod?._text as string | undefined }));
  const locs = entries.map((e) => e.loc);

  await page.goto("/blog/archive/");
  const archived = await page.locator(".archive-year li a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  for (const path of ["/blog/", "/blog/page/2/", "/blog/page/3/"]) {
    await page.goto(path);
    archived.push(...(await page.locator("article.post-card h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))));
  }
  for (const path of new Set(archived)) {
    const entry = entries.find((e) => e.loc === ORIGIN + path);
    expect(entry, `${path} is in the sitemap`).toBeDefined();
    expect(entry?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  }
  expect(locs).toEqual(expect.arrayContaining([`${ORIGIN}/blog/`, `${ORIGIN}/blog/page/3/`, `${ORIGIN}/blog/archive/`, `${ORIGIN}/blog/team/`, `${ORIGIN}/blog/tags/ci/`, `${ORIGIN}/blog/authors/rhartmann/`]));
  for (const hidden of HIDDEN_URLS) expect(locs).not.toContain(ORIGIN + hidden);
  expect(locs).not.toContain(`${ORIGIN}/`);

  // Every URL in it is a real page.
  for (const loc of locs) expect((await request.get(loc.replace(ORIGIN, ""))).status(), loc).toBe(200);
});

test("robots.txt allows everything and points to the sitemap", async ({ request }) => {
  const body = await (await request.get("/robots.txt")).text();
  expect(body).toMatch(/User-Agent: \*\nAllow: \//);
  expect(body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
});

test("a post has article metadata, its header image as card, and BlogPosting structured data", async ({ page }) => {
  await page.goto(POST_WITH_HEADER);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", ORIGIN + POST_WITH_HEADER);
  await expect(meta(page, "description")).toHaveAttribute("content", /^For three years our on-call knowledge/);
  await expect(meta(page, "og:type")).toHaveAttribute("content", "article");
  await expect(meta(page, "og:image")).toHaveAttribute("content", `${ORIGIN}/assets/img/headers/on-call.png`);
  await expect(meta(page, "article:published_time")).toHaveAttribute("content", "2025-08-13T22:00:00.000Z");
  await expect(meta(page, "article:author")).toHaveCount(2);
  await expect(meta(page, "article:section")).toHaveAttribute("content", "Team & Culture");
  await expect(meta(page, "twitter:card")).toHaveAttribute("content", "summary_large_image");

  const [posting, breadcrumb] = await jsonLd(page);
  expect(posting).toMatchObject({
    "@type": "BlogPosting",
    headline: "Writing our on-call handbook",
    datePublished: "2025-08-13T22:00:00.000Z",
    author: [{ "@type": "Person", name: "Tobi Okafor", url: `${ORIGIN}/blog/authors/tokafor/` }, { "@type": "Person", name: "Maja Lindqvist" }],
    image: { url: `${ORIGIN}/assets/img/headers/on-call.png` },
    mainEntityOfPage: { "@id": ORIGIN + POST_WITH_HEADER },
  });
  expect(breadcrumb).toMatchObject({ "@type": "BreadcrumbList" });
});

test("a post without a header image shares its generated 1200x630 card", async ({ page, request }) => {
  await page.goto(POST_WITHOUT_HEADER);
  const image = await meta(page, "og:image").getAttribute("content");
  expect(image).toMatch(new RegExp(`^${ORIGIN}/og/code-review-as-a-conversation-[0-9a-f]{8}\\.png$`));
  await expect(meta(page, "twitter:image")).toHaveAttribute("content", image!);
  const response = await request.get(image!.replace(ORIGIN, ""));
  expect(response.status()).toBe(200);
  const png = await response.body();
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test("listing pages are websites with the site card; the index is a Blog in structured data", async ({ page, request }) => {
  await page.goto("/blog/");
  await expect(meta(page, "og:type")).toHaveAttribute("content", "website");
  await expect(meta(page, "og:image")).toHaveAttribute("content", `${ORIGIN}/og/site.png`);
  expect((await request.get("/og/site.png")).status()).toBe(200);
  const [blog] = await jsonLd(page);
  expect(blog).toMatchObject({ "@type": "Blog", name: "Tidewater Engineering" });
  expect(blog?.blogPost).toHaveLength(4);

  await page.goto("/blog/engineering/");
  const [collection] = await jsonLd(page);
  expect(collection).toMatchObject({ "@type": "CollectionPage", name: "Engineering", url: `${ORIGIN}/blog/engineering/` });
});
