import { test, expect } from "./fixtures";

// Search: Pagefind's index of the built site (scripts/build.mjs), queried in the browser.
const SEARCH = "/blog/search/";
const POST_TITLE = "Zero-downtime column renames with expand and contract";

test("search finds a post by a word from its body; results show title, excerpt, date and category @phone", async ({ page }) => {
  await page.goto(SEARCH);
  const input = page.getByRole("searchbox", { name: "Search posts" });
  await expect(input).toBeFocused();
  // "backfill" is in the body of one post, not in any title.
  await input.fill("backfill");
  const results = page.locator(".search-result");
  await expect(results).toHaveCount(1);
  const result = results.first();
  await expect(result.getByRole("heading", { level: 2 })).toHaveText(POST_TITLE);
  await expect(result.locator("time")).toHaveText("October 7, 2025");
  await expect(result.locator("time")).toHaveAttribute("datetime", "2025-10-06T22:00:00.000Z");
  await expect(result.locator(".search-result-category")).toHaveText("Infrastructure");
  await expect(result.locator(".search-result-excerpt mark").first()).toHaveText(/backfill/i);
  await expect(page.getByRole("status")).toHaveText("1 post found for “backfill”.");
  await expect(page).toHaveURL(/\/blog\/search\/\?q=backfill$/);
  await result.getByRole("link", { name: POST_TITLE }).click();
  await expect(page).toHaveURL(/\/blog\/infrastructure\/zero-downtime-column-renames\/$/);
});

test("a search URL (the form's GET request) runs the search, and a category narrows it", async ({ page }) => {
  await page.goto(`${SEARCH}?q=flaky`);
  await expect(page.getByRole("searchbox", { name: "Search posts" })).toHaveValue("flaky");
  await expect(page.locator(".search-result")).toHaveCount(3);
  await page.getByRole("combobox", { name: "Category" }).selectOption("Engineering");
  await expect(page.locator(".search-result")).toHaveCount(1);
  await expect(page.locator(".search-result-category")).toHaveText(["Engineering"]);
  await expect(page).toHaveURL(/\?q=flaky&category=Engineering$/);
  await page.getByRole("searchbox", { name: "Search posts" }).fill("zzzznotaword");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("No posts found for “zzzznotaword” in Engineering.");
  await expect(page.locator(".search-result")).toHaveCount(0);
});

test("the index holds exactly the published posts: no drafts, scheduled posts, listings, 404 or redirect pages", async ({ page, request }) => {
  const entry = await (await request.get("/pagefind/pagefind-entry.json")).json();
  expect(entry.languages.en.page_count).toBe(10);
  await page.goto("/blog/archive/");
  const published = await page.locator(".archive-year li a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(published).toHaveLength(10);
  // Every post has a category, so searching each category with no words lists the whole index.
  await page.goto(SEARCH);
  const category = page.getByRole("combobox", { name: "Category" });
  const indexed: (string | null)[] = [];
  for (const name of ["Engineering", "Infrastructure", "Team & Culture"]) {
    await category.selectOption(name);
    await expect(page.getByRole("status")).toHaveText(new RegExp(`found in ${name}\\.$`));
    indexed.push(...(await page.locator(".search-result-title a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))));
  }
  expect(indexed.sort()).toEqual(published.sort());
});

test("the / key opens search from any page and focuses the field on the search page", async ({ page }) => {
  await page.goto("/blog/team/writing-our-on-call-handbook/");
  await expect(page.getByRole("link", { name: "Search" })).toHaveAttribute("aria-keyshortcuts", "/");
  await page.keyboard.press("/");
  await expect(page).toHaveURL(/\/blog\/search\/$/);
  const input = page.getByRole("searchbox", { name: "Search posts" });
  await expect(input).toBeFocused();
  // In the field "/" is just a character.
  await input.pressSequentially("ci/cd");
  await expect(input).toHaveValue("ci/cd");
  // Elsewhere on the search page it brings focus back to the field, with its text selected.
  await page.getByRole("heading", { level: 1 }).click();
  await expect(input).not.toBeFocused();
  await page.keyboard.press("/");
  await expect(input).toBeFocused();
  expect(await input.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 5]);
});

test("with JavaScript the search page does not show the no-JavaScript note", async ({ page }) => {
  await page.goto(SEARCH);
  await expect(page.locator(".search-noscript")).toBeHidden();
});
