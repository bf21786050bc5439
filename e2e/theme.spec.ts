import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// Theme: follows the system until the reader picks one with the toggle; the pick
// is remembered and applied by an inline script in <head>, before the first paint.
const POST = "/blog/infrastructure/zero-downtime-column-renames/";
const LIGHT_BG = "rgb(255, 255, 255)";
const DARK_BG = "rgb(15, 20, 25)";

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const storedTheme = (page: Page) => page.evaluate(() => localStorage.getItem("theme"));

for (const scheme of ["light", "dark"] as const) {
  test(`the system's ${scheme} scheme applies while the reader has not chosen @phone`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(POST);
    await expect(page.locator("html")).not.toHaveAttribute("data-theme");
    expect(await background(page)).toBe(scheme === "dark" ? DARK_BG : LIGHT_BG);
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", String(scheme === "dark"));
  });
}

test("the toggle switches the theme, remembers it across a reload, and applies it before the first paint @phone", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  // Records, in order, each change of data-theme and the moment <body> is inserted:
  // nothing of a page can be painted before its body exists.
  await page.addInitScript(() => {
    const events: string[] = [];
    (window as unknown as { themeEvents: string[] }).themeEvents = events;
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "attributes") events.push(`theme:${document.documentElement.getAttribute("data-theme")}`);
        for (const node of record.addedNodes) if (node.nodeName === "BODY") events.push("body");
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-theme"] });
  });
  await page.goto(POST);
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");

  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await background(page)).toBe(DARK_BG);
  expect(await storedTheme(page)).toBe("dark");

  // A reload aborts requests still in flight (lazy images), which the fixture counts as errors.
  await page.waitForLoadState("networkidle");
  await page.reload();
  const events = await page.evaluate(() => (window as unknown as { themeEvents: string[] }).themeEvents);
  expect(events.slice(0, 2)).toEqual(["theme:dark", "body"]);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await background(page)).toBe(DARK_BG);

  // By keyboard. Back to light, which is what the system asks for: the page follows the system again.
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  expect(await storedTheme(page)).toBeNull();
  expect(await background(page)).toBe(LIGHT_BG);
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await storedTheme(page)).toBe("dark");
});

test("an explicit light choice wins over a dark system, on every page", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(POST);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background(page)).toBe(LIGHT_BG);
  await page.waitForLoadState("networkidle");
  await page.goto("/blog/archive/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background(page)).toBe(LIGHT_BG);
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "false");
});
