import { test, expect } from "./fixtures";

// Runs only in the "client-runtime" project: the sample blog built with client_runtime: true.
test("with client_runtime: true, pages load and hydrate Next.js's client runtime without errors", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_next/static/chunks/") && response.url().endsWith(".js")) scripts.push(response.url());
  });
  await page.goto("/blog/team/writing-our-on-call-handbook/");
  expect(scripts.length).toBeGreaterThan(0);
  // React has taken over the server-rendered HTML: the RSC payload was consumed.
  await expect.poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Writing our on-call handbook");
});

test("with client_runtime: true, the RSC and per-segment prefetch data its router reads are published", async ({ request }) => {
  // lib/next-build/segment-data.ts skips this data only in builds without the runtime.
  const post = "/blog/team/writing-our-on-call-handbook/";
  for (const file of ["index.txt", "__next._tree.txt", "__next._full.txt"]) {
    const response = await request.get(post + file);
    expect(response.status(), file).toBe(200);
    expect((await response.body()).length, file).toBeGreaterThan(0);
  }
});
