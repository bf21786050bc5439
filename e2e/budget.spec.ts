import { gzipSync } from "node:zlib";
import { test, expect } from "./fixtures";

// Reader pages ship no framework: a post page loads at most 10 KB (gzip) of JavaScript.
const POST = "/blog/infrastructure/zero-downtime-column-renames/";
const BUDGET_GZIP = 10 * 1024;

test("a post page loads at most 10 KB of JavaScript (gzip), none of it Next.js's runtime", async ({ page }) => {
  const scripts: { url: string; body: Promise<Buffer> }[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push({ url: response.url(), body: response.body() });
  });
  await page.goto(POST, { waitUntil: "networkidle" });
  test.skip((await page.locator("html").getAttribute("data-client-runtime")) === "on", "this build ships the client runtime (client_runtime: true)");

  const files = await Promise.all(scripts.map(async ({ url, body }) => ({ url: new URL(url).pathname, bytes: await body })));
  // Inline scripts that run; JSON-LD (type="application/ld+json") is data, not code.
  const inline = Buffer.from((await page.locator('script:not([src]):not([type]), script:not([src])[type="module"]').allTextContents()).join("\n"));
  const all = [...files.map((f) => f.bytes), inline];
  const raw = all.reduce((sum, bytes) => sum + bytes.length, 0);
  const gzip = all.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
  test.info().annotations.push({
    type: "post page JavaScript",
    description: `${files.map((f) => f.url).join(", ")} + ${inline.length} B inline: ${raw} B raw, ${gzip} B gzip`,
  });
  expect(files.map((f) => f.url)).toEqual(["/js/site.js"]);
  expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP);
});

test("without the client runtime, no RSC or segment prefetch data is published", async ({ page, request }) => {
  await page.goto(POST);
  test.skip((await page.locator("html").getAttribute("data-client-runtime")) === "on", "this build ships the client runtime (client_runtime: true)");
  for (const file of ["index.txt", "__next._tree.txt", "__next._full.txt"]) {
    expect((await request.get(POST + file)).status(), file).toBe(404);
  }
});

test("a page fetches only the fonts its text uses: no code font without code, no accented Latin without accents", async ({ page }) => {
  const fonts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "font") fonts.push(new URL(response.url()).pathname.split("/").pop()!);
  });
  // The index has "→" (in no face's unicode-range: the system's font draws it) and no code.
  await page.goto("/blog/", { waitUntil: "networkidle" });
  expect(fonts.map((f) => f.replace(/-s\..*$/, "").replace(/\..*$/, "")).sort()).toEqual(["inter_latin_wght_italic", "inter_latin_wght_normal"]);
  fonts.length = 0;
  await page.goto("/blog/engineering/taming-flaky-tests/", { waitUntil: "networkidle" });
  expect(fonts.some((f) => f.startsWith("jetbrains_mono"))).toBe(true);
});
