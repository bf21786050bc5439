import { describe, expect, it } from "vitest";
import { excerptFromMarkdown } from "./excerpt";
import { renderMarkdown } from "./index";

describe("renderMarkdown", () => {
  it("renders GFM tables, footnotes, task lists and strikethrough", async () => {
    const { html } = await renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n- [x] done\n\n[^1]: A note.\n");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>1</td>");
    expect(html).toMatch(/<sup><a href="#user-content-fn-1"/);
    expect(html).toContain("<del>old</del>");
    expect(html).toContain('type="checkbox"');
  });

  it("gives headings GitHub-style ids and collects them for the table of contents", async () => {
    const { html, headings } = await renderMarkdown("## What's new?\n\n### Setup & config\n\n## What's new?\n");
    expect(html).toContain('<h2 id="whats-new">');
    expect(headings).toEqual([
      { depth: 2, id: "whats-new", text: "What's new?" },
      { depth: 3, id: "setup--config", text: "Setup & config" },
      { depth: 2, id: "whats-new-1", text: "What's new?" },
    ]);
  });

  it("passes raw HTML through, as Jekyll does", async () => {
    const { html } = await renderMarkdown('<div class="note">Hello <em>there</em></div>\n\nAfter');
    expect(html).toContain('<div class="note">Hello <em>there</em></div>');
  });

  it("keeps the language of fenced code", async () => {
    const { html } = await renderMarkdown("```ts\nconst a = 1;\n```\n");
    expect(html).toContain('class="language-ts"');
  });
});

describe("excerptFromMarkdown", () => {
  it("takes the first real paragraph as plain text, skipping headings, images and Liquid", () => {
    const body = "# Introduction\n\n{% image_custom image=\"/x.png\" %}\n\n![pic](/x.png)\n\nWe **ship** [daily](/x/){:target=\"_blank\"}.\nTwice.\n\nSecond.";
    expect(excerptFromMarkdown(body)).toBe("We ship daily. Twice.");
  });

  it("shortens long paragraphs at a word boundary", () => {
    const excerpt = excerptFromMarkdown(`${"word ".repeat(200)}`);
    expect(excerpt.length).toBeLessThanOrEqual(301);
    expect(excerpt.endsWith("word…")).toBe(true);
  });
});
