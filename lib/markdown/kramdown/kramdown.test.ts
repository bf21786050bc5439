import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { parseAttributeList } from "./attribute-list";
import { renderKramdown } from "./render";

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
// `UPDATE=1 npx vitest run lib/markdown/kramdown` rewrites the expected files; review them before committing.
const UPDATE = process.env.UPDATE === "1";

/** One line per message, so a fixture also pins down what authors are told. */
function formatMessages(file: VFile): string {
  return file.messages.map((m) => `${m.line ?? "?"}:${m.column ?? "?"} ${m.ruleId ?? "-"} ${m.reason}\n`).join("");
}

describe("kramdown fixtures", () => {
  const cases = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, "input.md")));

  it.each(cases)("%s", async (name) => {
    const folder = path.join(FIXTURES, name);
    const file = await renderKramdown(readFileSync(path.join(folder, "input.md"), "utf8"));
    const html = `${String(file).trim()}\n`;
    const messages = formatMessages(file);
    if (UPDATE) {
      writeFileSync(path.join(folder, "output.html"), html);
      if (messages) writeFileSync(path.join(folder, "messages.txt"), messages);
      else rmSync(path.join(folder, "messages.txt"), { force: true });
    }
    expect(html).toBe(readFileSync(path.join(folder, "output.html"), "utf8"));
    const messagesFile = path.join(folder, "messages.txt");
    expect(messages).toBe(existsSync(messagesFile) ? readFileSync(messagesFile, "utf8") : "");
  });
});

describe("parseAttributeList", () => {
  it("reads ids, classes, quoted values and references", () => {
    const { list, problems } = parseAttributeList(` #main .a.b key="x y" other='it"s' toc `);
    expect(list).toEqual({ id: "main", classes: ["a", "b"], attributes: { key: "x y", other: 'it"s' }, refs: ["toc"] });
    expect(problems).toEqual([]);
  });

  it("merges class attributes with .class and keeps the last id", () => {
    const { list } = parseAttributeList(`.a class="b c" #one id="two"`);
    expect(list.classes).toEqual(["a", "b", "c"]);
    expect(list.id).toBe("two");
  });

  it("drops event handlers, script URLs and invalid names, saying why", () => {
    const { list, problems } = parseAttributeList(`onClick="x()" href=" javascript:x()" 1a="b" ok="yes" unquoted=value`);
    expect(list.attributes).toEqual({ ok: "yes" });
    expect(problems.map((p) => p.ruleId)).toEqual(["kramdown/unsafe-attribute", "kramdown/unsafe-attribute", "kramdown/invalid-attribute", "kramdown/invalid-attribute"]);
  });
});

describe("remarkKramdownAttributes", () => {
  it("leaves Markdown without kramdown syntax exactly as plain GFM renders it", async () => {
    const file = await renderKramdown("# Title\n\nText with [a link](https://x.example) and `code`.\n\n- a\n- b\n");
    expect(String(file)).toBe('<h1 id="title">Title</h1>\n<p>Text with <a href="https://x.example">a link</a> and <code>code</code>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(file.messages).toEqual([]);
  });

  it("keeps an explicit heading id through the heading slugs", async () => {
    const file = await renderKramdown("## Same {#same}\n\n## Other\n");
    expect(String(file)).toContain('<h2 id="same">Same</h2>');
    expect(String(file)).toContain('<h2 id="other">Other</h2>');
  });

  it("reports problems with the line they are on", async () => {
    const file = await renderKramdown("Intro.\n\nSee [x](https://x.example){: onclick=\"steal()\"}\n");
    expect(file.messages.map((m) => [m.line, m.ruleId, m.source])).toEqual([[3, "kramdown/unsafe-attribute", "kramdown"]]);
    expect(String(file)).not.toContain("onclick");
  });
});

describe("kramdown syntax in the source text", () => {
  it('reads the inside of markdown="1" HTML blocks as Markdown, nested blocks included', async () => {
    const { renderMarkdown } = await import("../index");
    const { html } = await renderMarkdown([
      '<div class="note" markdown="1">',
      "**bold** and a [link](https://example.com)",
      '<div markdown="block">',
      "* item",
      "</div>",
      "</div>",
      "",
      '<aside markdown="1">*one line*</aside>',
      "",
      "```html",
      '<div markdown="1">**stays code**</div>',
      "```",
    ].join("\n"));
    expect(html).toContain('<div class="note">');
    expect(html).toContain('<p><strong>bold</strong> and a <a href="https://example.com">link</a></p>');
    expect(html).toMatch(/<div>\s*<ul>\s*<li>item<\/li>\s*<\/ul>\s*<\/div>\s*<\/div>/);
    expect(html).toMatch(/<aside>\s*<p><em>one line<\/em><\/p>\s*<\/aside>/);
    expect(html).toContain("**stays code**");
    expect(html).not.toMatch(/markdown="/);
  });

  it("keeps the original line of each line after the inserted blank lines", async () => {
    const { kramdownSourceSyntax } = await import("./source-syntax");
    const source = kramdownSourceSyntax('<div markdown="1">\ntext\n</div>\n\n[x](/missing/)');
    const lines = source.markdown.split("\n");
    const linkLine = lines.findIndex((l) => l.includes("/missing/")) + 1;
    expect(linkLine).toBe(7);
    expect(source.originalLine(linkLine)).toBe(5);
  });

  it("turns abbreviation definitions into <abbr> on each use, outside code and links", async () => {
    const { renderMarkdown } = await import("../index");
    const { html } = await renderMarkdown("The HTML spec and `HTML` code, [HTML](https://html.spec.whatwg.org), HTML5.\n\n*[HTML]: Hyper Text Markup Language\n");
    expect(html).toBe(
      '<p>The <abbr title="Hyper Text Markup Language">HTML</abbr> spec and <code>HTML</code> code, <a href="https://html.spec.whatwg.org">HTML</a>, HTML5.</p>',
    );
  });

  it("turns kramdown definition lists into <dl>, terms and definitions read as Markdown", async () => {
    const { renderMarkdown } = await import("../index");
    const { html } = await renderMarkdown("Intro.\n\n**API**\n: Application *programming* interface\n: A contract\n\nSDK\n: Kit\n  that helps\n\nA paragraph\nwith two lines.\n");
    expect(html).toBe(
      "<p>Intro.</p>\n<dl>\n<dt>\n<p><strong>API</strong></p>\n</dt>\n<dd>\n<p>Application <em>programming</em> interface</p>\n</dd>\n<dd>\n<p>A contract</p>\n</dd>\n" +
        "<dt>\n<p>SDK</p>\n</dt>\n<dd>\n<p>Kit\nthat helps</p>\n</dd>\n</dl>\n<p>A paragraph\nwith two lines.</p>",
    );
  });

  it("ends an HTML block at its closing tag, so a line of text right after it is Markdown, as in kramdown", async () => {
    const { renderMarkdown } = await import("../index");
    const { html } = await renderMarkdown([
      '<iframe src="https://codepen.io/x" height="300"></iframe>',
      "If you inspect the `hsl()` code, it is _awfully_ long.",
      "",
      "<div class=\"box\">",
      "<div>inner</div>",
      "still **inside**",
      "</div>",
      "After the *box*.",
      "",
      "<hr>",
      "Under the `rule`.",
      "",
      "A paragraph line, then an embed right under it:",
      '<iframe src="https://codepen.io/y">',
      "  See the <a href='https://codepen.io'>Pen</a>.",
      "</iframe>",
      "If you dared to inspect the `hsl()` code.",
      "",
      "<div>open</div> and more",
      "no *change* here",
      "",
      "```html",
      "<div>x</div>",
      "not *markdown*",
      "```",
    ].join("\n"));
    expect(html).toContain("<p>If you inspect the <code>hsl()</code> code, it is <em>awfully</em> long.</p>");
    expect(html).toContain("still **inside**");
    expect(html).toContain("<p>After the <em>box</em>.</p>");
    expect(html).toContain("<p>Under the <code>rule</code>.</p>");
    expect(html).toContain("<p>If you dared to inspect the <code>hsl()</code> code.</p>");
    expect(html).toContain("no *change* here");
    // Code stays as written: no blank line between its two lines.
    expect(html).toMatch(/<\/span><\/span>\n<span class="line"><span[^>]*>not \*markdown\*<\/span><\/span><\/code><\/pre>/);
  });

  it("reads an HTML element through blank lines to its closing tag, as kramdown does", async () => {
    const { renderMarkdown } = await import("../index");
    const { html } = await renderMarkdown([
      "<table>",
      "  <tr>",
      "    <td>",
      "      one",
      "    </td>",
      "    ",
      "    <td>",
      "      two",
      "    </td>",
      "  </tr>",
      "",
      "</table>",
      "",
      "After the *table*, a [link](#top).",
      "",
      "<div>",
      "never closed",
      "",
      "    indented code",
    ].join("\n"));
    expect(html).not.toContain("&#x3C;td>");
    expect(html).toMatch(/<td>\s*one\s*<\/td>\s*<!-- -->\s*<td>\s*two\s*<\/td>/);
    expect(html).toContain("<p>After the <em>table</em>, a");
    // An element that never closes ends at the blank line, as in CommonMark: the indented line is code.
    expect(html).toMatch(/<pre[^>]*><code>indented code/);
  });

  it("reads every HTML block's inside as Markdown with kramdown's parse_block_html, except pre, void elements and markdown=\"0\"", async () => {
    const { renderMarkdown } = await import("../index");
    const source = ['<div class="note">', "**bold inside div**", "</div>", "", '<section markdown="0">*kept*</section>', "", "<pre>*code*</pre>"].join("\n");
    const { html } = await renderMarkdown(source, { parseBlockHtml: true });
    expect(html).toMatch(/<div class="note">\s*<p><strong>bold inside div<\/strong><\/p>\s*<\/div>/);
    expect(html).toContain("*kept*");
    expect(html).toMatch(/<pre[^>]*>\*code\*<\/pre>/);
    const { html: plain } = await renderMarkdown(source);
    expect(plain).toContain("**bold inside div**");
  });

  it("keeps the original line of text after an HTML block", async () => {
    const { kramdownSourceSyntax } = await import("./source-syntax");
    const source = kramdownSourceSyntax("<div>\nbox\n</div>\n[x](/missing/)");
    const lines = source.markdown.split("\n");
    const linkLine = lines.findIndex((l) => l.includes("/missing/")) + 1;
    expect(linkLine).toBe(5);
    expect(source.originalLine(linkLine)).toBe(4);
  });

  it("keeps each definition list line's own line number", async () => {
    const { kramdownSourceSyntax } = await import("./source-syntax");
    const source = kramdownSourceSyntax("Term\n: [x](/missing/)\n\nAfter [y](/gone/)");
    const lines = source.markdown.split("\n");
    expect(source.originalLine(lines.findIndex((l) => l.includes("/missing/")) + 1)).toBe(2);
    expect(source.originalLine(lines.findIndex((l) => l.includes("/gone/")) + 1)).toBe(4);
  });
});
