import { test, expect } from "./fixtures";

// Every page must work with JavaScript off: the scripts only add to server-rendered HTML.
test.use({ javaScriptEnabled: false });

const POST = "/blog/infrastructure/zero-downtime-column-renames/";

test("a post page shows its text, code and images, and links the lightbox image @phone", async ({ page }) => {
  await page.goto(POST);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zero-downtime column renames with expand and contract");
  await expect(page.locator(".post-body pre code").first()).toContainText("SET lock_timeout");
  // No copy buttons or theme toggle that could not work.
  await expect(page.locator(".code-block, .code-copy")).toHaveCount(0);
  await expect(page.locator(".theme-toggle")).toBeHidden();
  const link = page.locator(".post-body a.lightbox");
  await link.scrollIntoViewIfNeeded();
  await expect.poll(() => link.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
  await link.click();
  await expect(page).toHaveURL(/\/assets\/img\/posts\/expand-contract\.png$/);
});

test("math is typeset as MathML the browser lays out, with no script, and a wide formula does not widen the page @phone", async ({ page }) => {
  await page.goto("/blog/engineering/taming-flaky-tests/");
  const block = page.locator('.post-body math[display="block"]');
  await expect(block).toHaveCount(1);
  await expect(block.locator("msub mtext")).toHaveText("hidden");
  // Laid out as math (a superscript sits higher than its base), not printed as TeX.
  const base = await block.locator("msup > mrow, msup > mo, msup > mi").first().boundingBox();
  const exponent = await block.locator("msup > mi").last().boundingBox();
  expect(exponent!.y).toBeLessThan(base!.y);
  await expect(page.locator(".post-body")).not.toContainText("$$");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

for (const scheme of ["light", "dark"] as const) {
  test(`dark mode follows the system's ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(POST);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(scheme === "dark" ? "rgb(15, 20, 25)" : "rgb(255, 255, 255)");
  });
}

test("the search page says search needs JavaScript and offers the archive and categories", async ({ page }) => {
  await page.goto("/blog/search/");
  const note = page.locator(".search-noscript");
  await expect(note).toBeVisible();
  await expect(note).toContainText("Search runs in your browser and needs JavaScript.");
  await expect(note.getByRole("link", { name: "archive" })).toHaveAttribute("href", "/blog/archive/");
  await expect(note.getByRole("link", { name: "Engineering" })).toHaveAttribute("href", "/blog/engineering/");
});
