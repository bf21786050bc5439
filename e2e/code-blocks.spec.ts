import { test, expect } from "./fixtures";

const POST = "/blog/infrastructure/zero-downtime-column-renames/";

test("every code block gets a copy button and its language label", async ({ page }) => {
  await page.goto(POST);
  const blocks = page.locator(".post-body .code-block");
  await expect(blocks).toHaveCount(await page.locator(".post-body pre").count());
  await expect(blocks.getByRole("button", { name: "Copy code" })).toHaveCount(await blocks.count());
  await expect(blocks.first().locator("pre")).toHaveAttribute("data-language", "sql");
  const label = await blocks.first().locator("pre").evaluate((pre) => getComputedStyle(pre, "::before").content);
  expect(label).toBe('"sql"');
});

test("the copy button copies the code, by mouse and by keyboard, and says so @phone", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(POST);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  const first = page.locator(".post-body .code-block").first();
  await first.getByRole("button", { name: "Copy code" }).click();
  await expect(first.getByRole("status")).toHaveText("Copied");
  // The code as written, without the language label or anything the page adds.
  expect((await clipboard()).trim()).toBe("SET lock_timeout = '3s';\nALTER TABLE orders ADD COLUMN customer_id bigint;");

  // Keyboard: the scrollable code block is a tab stop, its copy button the next one.
  const second = page.locator(".post-body .code-block").nth(1);
  await second.locator("pre").focus();
  await page.keyboard.press("Tab");
  const button = second.getByRole("button", { name: "Copy code" });
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(second.getByRole("status")).toHaveText("Copied");
  expect(await clipboard()).toBe(await second.locator("code").textContent());
  expect(await clipboard()).toContain("func backfill(ctx context.Context, db *sql.DB) error {");
});
