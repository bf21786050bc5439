import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const PAGES = {
  index: "/blog/",
  "index page 2": "/blog/page/2/",
  post: "/blog/team/writing-our-on-call-handbook/",
  "post with code": "/blog/infrastructure/zero-downtime-column-renames/",
  category: "/blog/engineering/",
  tag: "/blog/tags/ci/",
  author: "/blog/authors/mlindqvist/",
  archive: "/blog/archive/",
  search: "/blog/search/",
  "search with results": "/blog/search/?q=flaky",
  "404": "/blog/no-such-page/",
};

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

// Each page in the system's light and dark scheme, and in the theme the reader
// picks with the toggle against the system's (stored, applied by the <head> script).
const VARIANTS = [
  { name: "light", system: "light", toggle: false },
  { name: "dark", system: "dark", toggle: false },
  { name: "dark chosen with the toggle", system: "light", toggle: true },
  { name: "light chosen with the toggle", system: "dark", toggle: true },
] as const;

for (const [kind, path] of Object.entries(PAGES)) {
  for (const variant of VARIANTS) {
    test(`${kind} page has no WCAG 2.1 AA violations (${variant.name}) @phone`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: variant.system });
      await page.goto(path);
      if (variant.toggle) {
        // Let the page finish loading first: a reload aborts requests still in flight, which the fixture counts as errors.
        await page.waitForLoadState("networkidle");
        await page.getByRole("button", { name: "Dark theme" }).click();
        await page.reload();
        await expect(page.locator("html")).toHaveAttribute("data-theme", variant.system === "light" ? "dark" : "light");
      }
      if (path.includes("?q=")) await expect(page.locator(".search-result").first()).toBeVisible();
      await expectNoViolations(page);
    });
  }
}

for (const scheme of ["light", "dark"] as const) {
  test(`the open lightbox and the copied state have no violations (${scheme})`, async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/blog/infrastructure/zero-downtime-column-renames/");
    await page.getByRole("button", { name: "Copy code" }).first().click();
    await expect(page.getByRole("status").first()).toHaveText("Copied");
    await expectNoViolations(page);
    await page.locator(".post-body a.lightbox").click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoViolations(page);
  });
}
