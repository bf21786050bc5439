import { test, expect } from "./fixtures";

const POST = "/blog/infrastructure/zero-downtime-column-renames/";

test("a lightbox image opens in a modal dialog and closes by keyboard, giving focus back @phone", async ({ page }) => {
  await page.goto(POST);
  const link = page.locator(".post-body a.lightbox");
  await expect(link).toHaveAttribute("href", "/assets/img/posts/expand-contract.png");
  await expect(link).toHaveAttribute("aria-haspopup", "dialog");
  await link.focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: /^Four phases of an expand and contract migration/ });
  await expect(dialog).toBeVisible();
  const image = dialog.locator("img");
  await expect(image).toHaveAttribute("src", /\/assets\/img\/posts\/expand-contract\.png$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
  const close = dialog.getByRole("button", { name: "Close image" });
  await expect(close).toBeFocused();
  // The page behind a modal dialog is inert: Tab stays in the dialog.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") === null)).toBe(true);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();

  // Again, closed with its button this time.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await close.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();
});

test("a YouTube embed requests nothing from YouTube until the reader starts it, then plays from youtube-nocookie.com", async ({ page, baseURL }) => {
  const thirdParty: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "http://localhost")) thirdParty.push(request.url());
  });
  // The test runs offline: a stand-in for YouTube's player.
  await page.route("https://www.youtube-nocookie.com/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>Player</title>" }));
  // The post embeds a talk with {% youtube_video video_id="M7lc1UVf-VE" caption="..." %}.
  await page.goto(POST);
  const link = page.getByRole("link", { name: "Play video on YouTube" });
  await expect(link).toBeVisible();
  expect(await link.evaluate((a) => a.getBoundingClientRect().height)).toBeGreaterThan(100);
  expect(thirdParty).toEqual([]);

  await link.focus();
  await page.keyboard.press("Space");
  const frame = page.locator(".video-embed iframe");
  await expect(frame).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1");
  await expect(frame).toHaveAttribute("title", "Expand and contract, step by step (platform meetup talk)");
  await expect(frame).toHaveAttribute("allow", /autoplay/);
  await expect(frame).toHaveAttribute("loading", "lazy");
  await expect(frame).toBeFocused();
  await expect.poll(() => thirdParty).toEqual(["https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1"]);
});
