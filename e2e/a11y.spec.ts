import AxeBuilder from "@axe-core/playwright";
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
  "404": "/blog/no-such-page/",
};

for (const [kind, path] of Object.entries(PAGES)) {
  for (const scheme of ["light", "dark"] as const) {
    test(`${kind} page has no WCAG 2.1 AA violations (${scheme}) @phone`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}
