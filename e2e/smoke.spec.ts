import { test, expect } from "./fixtures";

// Smoke tests over the sample blog in content/, built and served as static files.
const TWO_AUTHOR_POST = "/blog/team/writing-our-on-call-handbook/";
const CODE_AND_TABLE_POST = "/blog/infrastructure/ci-caching-in-layers/";

const HIDDEN = [
  { kind: "draft in _drafts/", title: "Feature flags without the mess", url: "/blog/engineering/feature-flags-without-the-mess/" },
  { kind: "published: false", title: "Our postmortem template, version two", url: "/blog/team/postmortem-template-v2/" },
  { kind: "future-dated", title: "Retiring the monolith's last cron job", url: "/blog/infrastructure/retiring-the-last-cron-job/" },
];

test("the index lists the newest posts and paginates @phone", async ({ page }) => {
  await page.goto("/blog/");
  await expect(page).toHaveTitle("Tidewater Engineering");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tidewater Engineering");
  const cards = page.locator("article.post-card");
  await expect(cards).toHaveCount(4);
  await expect(cards.first().getByRole("heading", { level: 2 })).toHaveText("Code review as a conversation, not a gate");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination.getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
  await pagination.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/\/blog\/page\/2\/$/);
  await expect(page.locator("article.post-card")).toHaveCount(4);
  await page.getByRole("link", { name: "Page 3" }).click();
  await expect(page.locator("article.post-card")).toHaveCount(2);
  await expect(page.getByText("page 3 of 3")).toBeVisible();
});

test("the site root shows the index too", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("article.post-card")).toHaveCount(4);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", "https://engineering.tidewater.example/blog/");
});

test("a post shows title, authors with avatars, date, category, tags and rendered Markdown @phone", async ({ page }) => {
  await page.goto(TWO_AUTHOR_POST);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Writing our on-call handbook");
  await expect(page).toHaveTitle("Writing our on-call handbook | Tidewater Engineering");
  const header = page.locator(".post-header");
  await expect(header.getByRole("link", { name: "Tobi Okafor" })).toHaveAttribute("href", "/blog/authors/tokafor/");
  await expect(header.getByRole("link", { name: "Maja Lindqvist" })).toHaveAttribute("href", "/blog/authors/mlindqvist/");
  const avatars = header.locator("img.avatar");
  await expect(avatars).toHaveCount(2);
  for (const avatar of await avatars.all()) expect(await avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(header.locator("time")).toHaveAttribute("datetime", "2025-08-13T22:00:00.000Z");
  await expect(header.locator("time")).toHaveText("August 14, 2025");
  await expect(header.getByRole("link", { name: "Team & Culture" })).toHaveAttribute("href", "/blog/team/");
  await expect(page.getByRole("list", { name: "Tags" }).getByRole("link")).toHaveText(["#on-call", "#incident-response", "#documentation"]);
  await expect(page.locator(".post-body blockquote:not(.callout)")).toBeVisible();
  // GitHub's `> [!TIP]` alert: a titled box.
  await expect(page.locator(".post-body blockquote.callout-tip .callout-title")).toHaveText("Tip");
  await expect(page.locator(".post-body ol > li")).toHaveCount(4);
  await expect(page.getByRole("heading", { name: "About the authors" })).toBeVisible();
});

test("code blocks and tables render", async ({ page }) => {
  await page.goto(CODE_AND_TABLE_POST);
  await expect(page.locator(".post-body table")).toBeVisible();
  await expect(page.locator(".post-body table th").first()).not.toBeEmpty();
  await expect(page.locator(".post-body pre code").first()).toBeVisible();
  await expect(page.locator(".post-body code.language-yaml").first()).toBeAttached();
});

test("the header image reserves its space before it loads", async ({ page }) => {
  await page.goto("/blog/infrastructure/zero-downtime-column-renames/");
  const hero = page.locator(".post-hero img");
  await expect(hero).toHaveAttribute("width", "1600");
  await expect(hero).toHaveAttribute("height", "640");
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
});

test("category, tag and author pages list their posts", async ({ page }) => {
  await page.goto("/blog/infrastructure/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Infrastructure");
  await expect(page.getByText("4 posts")).toBeVisible();
  await page.goto("/blog/tags/on-call/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("#on-call");
  expect(await page.locator("article.post-card").count()).toBeGreaterThanOrEqual(2);
  await page.goto("/blog/authors/rhartmann/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rosa Hartmann");
  await expect(page.getByText("leads design systems")).toBeVisible();
  await expect(page.locator(".listing-header img.avatar")).toBeVisible();
  await expect(page.locator("article.post-card")).toHaveCount(3);
});

test("the archive lists every published post by year", async ({ page }) => {
  await page.goto("/blog/archive/");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([/^2026/, /^2025/]);
  await expect(page.locator(".archive-year li")).toHaveCount(10);
});

for (const hidden of HIDDEN) {
  test(`a ${hidden.kind} post is not published`, async ({ page, request }) => {
    expect((await request.get(hidden.url)).status()).toBe(404);
    for (const path of ["/blog/", "/blog/page/2/", "/blog/page/3/", "/blog/archive/"]) {
      await page.goto(path);
      await expect(page.getByText(hidden.title)).toHaveCount(0);
    }
  });
}

test("static files outside assets/ are published where Jekyll puts them, and posts link to them", async ({ page, request }) => {
  await page.goto(TWO_AUTHOR_POST);
  const link = page.locator(".post-body").getByRole("link", { name: "shift checklist" });
  await expect(link).toHaveAttribute("href", "/downloads/on-call-checklist.txt");
  const response = await request.get("/downloads/on-call-checklist.txt");
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("ON-CALL SHIFT CHECKLIST");
  // The folder the build generates them in is gone from the export.
  expect((await request.get("/static-files/downloads/on-call-checklist.txt")).status()).toBe(404);
});

test("a permalink without a trailing slash is served as Jekyll serves it, from a .html file, and named without the slash", async ({ page, request }) => {
  // permalink: /how-we-blog (and redirect_from: /why-a-folder) in the sample post.
  await page.goto("/blog/infrastructure/");
  await page.locator(".post-card-title a", { hasText: "folder of Markdown" }).click();
  await expect(page).toHaveURL(/\/how-we-blog$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why our engineering blog is a folder of Markdown");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", "https://engineering.tidewater.example/how-we-blog");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", "https://engineering.tidewater.example/how-we-blog");
  // One canonical link, in the head, as for every page.
  expect(await page.locator('head link[rel="canonical"]').count()).toBe(1);
  expect(await page.locator('body link[rel="canonical"]').count()).toBe(0);
  // The file a static host serves it from (finalize-export.test.ts: a file, not a folder's index).
  expect((await request.get("/how-we-blog.html")).status()).toBe(200);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("<loc>https://engineering.tidewater.example/how-we-blog</loc>");
  await page.goto("/why-a-folder");
  await expect(page).toHaveURL(/\/how-we-blog$/);
});

test("unknown URLs get the 404 page with a 404 status @phone", async ({ page }) => {
  const response = await page.goto("/blog/no-such-post/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the latest posts" }).click();
  await expect(page).toHaveURL(/\/blog\/$/);
});

test("posts link to their neighbours", async ({ page }) => {
  await page.goto(TWO_AUTHOR_POST);
  const nav = page.getByRole("navigation", { name: "More posts" });
  await nav.getByRole("link", { name: /Newer post/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zero-downtime column renames with expand and contract");
});

test("the table of contents links to the post's sections @phone", async ({ page }) => {
  await page.goto(TWO_AUTHOR_POST);
  const toc = page.getByRole("navigation", { name: "On this page" });
  await toc.getByRole("link", { name: "Keeping it alive" }).click();
  await expect(page).toHaveURL(/#keeping-it-alive$/);
  await expect(page.getByRole("heading", { name: "Keeping it alive" })).toBeInViewport();
});

test("a post suggests related posts by shared tags", async ({ page }) => {
  await page.goto(TWO_AUTHOR_POST);
  const related = page.getByRole("region", { name: "Related posts" });
  await expect(related.getByRole("link")).toHaveCount(3);
  // Two posts share a tag and the category, then two share only a tag; ties go to the post closer in time.
  await expect(related.getByRole("link")).toHaveText([
    "A first week that actually ships: rethinking onboarding",
    "Code review as a conversation, not a gate",
    "Why our engineering blog is a folder of Markdown",
  ]);
});
