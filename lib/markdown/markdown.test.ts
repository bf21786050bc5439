import { describe, expect, it } from "vitest";
import { excerptFromMarkdown } from "./excerpt";
import { parseConfig } from "@/lib/config";
import type { Post } from "@/lib/content/post";
import { renderMarkdown, type RenderContext } from "./index";

/** A render context for one test: the given config text, every link a page unless `resolvePath` says otherwise. */
function testContext(configText: string, fingerprint: string, extra: Partial<RenderContext> = {}): RenderContext {
  const { config } = parseConfig([{ file: "_config.yml", text: configText }]);
  return {
    config, fingerprint, resolvePath: () => "page", asset: () => undefined,
    postUrl: () => undefined, linkUrl: () => undefined, readInclude: () => undefined, readRelativeInclude: () => undefined, data: {},
    otherPosts: () => ({ posts: [], categories: {}, tags: {}, indexOf: new Map(), signature: "" }), ...extra,
  };
}

/** A Markdown post at /x/ for renderPost and checkPostBody; `hash` keeps each test's render apart in the in-memory cache. */
function testPost(body: string, fields: Partial<Post> & { hash: string }): Post {
  const base = { source: "_posts/2020-01-02-x.md", format: "markdown", body, bodyLine: 4, url: "/x/", data: {}, title: "X", date: new Date(0), slug: "x", categories: [], tags: [], excerpt: "" };
  return { ...base, ...fields } as unknown as Post;
}

describe("renderMarkdown", () => {
  it("renders GFM tables, footnotes, task lists and strikethrough", async () => {
    const { html } = await renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n- [x] done\n\n[^1]: A note.\n");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>1</td>");
    // kramdown's ids, so links into an old Jekyll post's notes still land.
    expect(html).toMatch(/<sup><a href="#fn:1" id="fnref:1"/);
    expect(html).toContain('<li id="fn:1">');
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

  it("shows math as its TeX, without the dollars, and leaves prices alone", () => {
    expect(excerptFromMarkdown("The identity $$e^{i\\pi} + 1 = 0$$ holds, and $$a_1 * b_2$$ too, for $5.")).toBe("The identity e^{i\\pi} + 1 = 0 holds, and a_1 * b_2 too, for $5.");
  });
});

describe("sanitize: true", () => {
  it("keeps prose and drops scripts, event handlers and iframes", async () => {
    const { renderPost } = await import("./index");
    const context = testContext("sanitize: true", "sanitize-test");
    const body = [
      "* TOC\n{:toc}",
      '<script>alert(1)</script>\n\n<p onclick="steal()">Hi <b>there</b></p>\n\n<iframe src="https://evil.example"></iframe>',
      "## Section\n\n[ok](https://example.com)",
      '{% youtube_video video_id="dQw4w9WgXcQ" %}',
      "{% highlight ruby %}\nputs 1\n{% endhighlight %}",
    ].join("\n\n") + "\n";
    const post = { source: "_posts/x.md", body, bodyLine: 1, hash: "sanitize", url: "/x/", data: {}, title: "X", date: new Date(0), slug: "x", categories: [], tags: [], excerpt: "" };
    const { html } = await renderPost(post as never, context);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onclick");
    expect(html).not.toContain("<iframe");
    expect(html).toContain("<b>there</b>");
    expect(html).toContain('href="https://example.com"');
    // The blog's own output survives: the table of contents, tag output, highlighted code.
    expect(html).toMatch(/<nav class="toc"[^>]*>.*href="#section"/s);
    expect(html).toContain('data-youtube-id="dQw4w9WgXcQ"');
    expect(html).toContain('class="language-ruby"');
  });
});

describe("Liquid blocks on a line with HTML after them", () => {
  it("render their element and keep the HTML, instead of printing the placeholder as text", async () => {
    const { renderPost } = await import("./index");
    const context = testContext("title: x", "block-with-html-after");
    const body = 'Plain words:\n\n{% youtube_video video_id="dQw4w9WgXcQ" %} <br>\n\nAfter.\n';
    const post = { source: "_posts/y.md", body, bodyLine: 1, hash: "block-with-html-after", url: "/y/", data: {}, title: "Y", date: new Date(0), slug: "y", categories: [], tags: [], excerpt: "" };
    const { html } = await renderPost(post as never, context);
    expect(html).toContain('data-youtube-id="dQw4w9WgXcQ"');
    expect(html).toContain("<br>");
    expect(html).not.toContain("liquid-block");
    expect(html).not.toContain("&#x3C;");
  });
});

describe(".html posts", () => {
  it("keep their HTML (no Markdown conversion) and get the same HTML steps: Liquid (with site.data), heading ids, highlighting", async () => {
    const { renderPost } = await import("./index");
    const context = testContext("title: T", "html-post-test", { data: { team: { lead: "Ada" } } });
    const body = "<h2>Set up</h2>\n<p>Use *stars* as they are, and {{ page.title }} by {{ site.data.team.lead }}.</p>\n\n{% highlight js %}\nlet x = 1;\n{% endhighlight %}\n";
    const post = { source: "_posts/2020-01-02-x.html", format: "html", body, bodyLine: 4, hash: "html-post", url: "/x/", data: {}, title: "An HTML post", date: new Date(0), slug: "x", categories: [], tags: [], excerpt: "" };
    const { html, headings, problems } = await renderPost(post as never, context);
    expect(problems).toEqual([]);
    expect(html).toContain('<h2 id="set-up">Set up</h2>');
    expect(html).toContain("<p>Use *stars* as they are, and An HTML post by Ada.</p>");
    expect(html).toContain('class="language-js"');
    expect(headings).toEqual([expect.objectContaining({ id: "set-up", text: "Set up" })]);
  });
});

describe("a post whose file changed after the content was loaded", () => {
  it("is reported with the cause instead of crashing the render", async () => {
    const { renderPost } = await import("./index");
    const post = {
      source: "_posts/2020-01-02-x.md", format: "markdown", bodyLine: 4, hash: "changed", url: "/x/", data: {}, title: "X", date: new Date(0), slug: "x", categories: [], tags: [], excerpt: "",
      get body(): string {
        throw new Error("_posts/2020-01-02-x.md changed while the blog was being built; build again");
      },
    };
    const { problems, failed } = await renderPost(post as never, testContext("title: T", "changed-file-test"));
    expect(failed).toBe(true);
    expect(problems).toMatchObject([{ rule: "markdown/render-failed", file: "_posts/2020-01-02-x.md", found: expect.stringContaining("changed while the blog was being built") }]);
  });
});

describe("render_with_liquid: false (Jekyll 4)", () => {
  it("publishes the body's Liquid as text, with no Liquid problems", async () => {
    const { renderPost } = await import("./index");
    const body = "Write `{{ page.title }}` or {% unknown_tag %} in a template.\n";
    const post = testPost(body, { hash: "no-liquid", data: { render_with_liquid: false } });
    const { html, problems } = await renderPost(post, testContext("title: T", "no-liquid-test"));
    expect(problems).toEqual([]);
    expect(html).toBe("<p>Write <code>{{ page.title }}</code> or {% unknown_tag %} in a template.</p>");
  });
});

describe("checkPostBody", () => {
  it("finds the same problems as a full render, without highlighting or HTML", async () => {
    const { checkPostBody, renderPost } = await import("./index");
    const context = testContext("title: T", "check-only-test", { resolvePath: (p) => (p === "/blog/real/" ? "page" : undefined) });
    const body = "## Intro\n\n[gone](/blog/gone/) [ok](/blog/real/) [http](http://acme-legacy.io) [anchor](#nowhere)\n\n![chart](/assets/chart.png)\n\n```ts\nconst x = 1;\n```\n\n{% image_custom image=\"/assets/missing.png\" %}\n";
    const post = testPost(body, { hash: "check-only", bodyLine: 5 });
    const full = await renderPost(post, context);
    const problems = await checkPostBody(post, context);
    const summary = (list: { rule: string; line?: number; found?: string }[]) => list.map((p) => [p.rule, p.line, p.found]).sort();
    expect(summary(problems)).toEqual(summary(full.problems));
    expect(summary(problems).map(([rule]) => rule)).toEqual(["images/missing", "images/missing", "links/broken-anchor", "links/broken-internal", "links/insecure"].sort());
  });
});

describe("math", () => {
  it("typesets kramdown's $$ math and ```math blocks as MathML, leaves single dollars as text, and reports TeX it cannot read", async () => {
    const { renderPost } = await import("./index");
    const body = "Costs $5 or $10.\n\nInline $$e^{i\\pi}$$ here.\n\n$$\n\\frac{a}{b}\n$$\n\n```math\nx^2\n```\n\nBad $$\\frac{1}{$$.\n\n$$ E = mc^2 $$\n";
    const { html, problems } = await renderPost(testPost(body, { hash: "math", bodyLine: 5 }), testContext("title: T", "math"));
    expect(html).toContain("<p>Costs $5 or $10.</p>");
    expect(html).toMatch(/<p>Inline <span class="katex"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"><semantics><mrow><msup><mi>e<\/mi>/);
    // The last, a paragraph of its own, is a display formula, as kramdown makes it.
    expect(html.match(/<math [^>]*display="block"/g)).toHaveLength(3);
    expect(html).not.toContain("<script");
    expect(html).toContain('<span class="katex-error"');
    expect(problems).toMatchObject([{ rule: "markdown/bad-math", line: 17, message: expect.stringMatching(/^Math that KaTeX cannot typeset: Unexpected end of input/) }]);
    const link = await renderPost(testPost("See $$\\href{https://katex.org}{x} + \\includegraphics{a.png}$$.\n", { hash: "math-untrusted" }), testContext("title: T", "math-untrusted"));
    expect(link.problems.map((p) => [p.rule, p.line, p.found])).toEqual([["markdown/bad-math", 4, "\\href"], ["markdown/bad-math", 4, "\\includegraphics"]]);
    expect(link.html).not.toMatch(/href="https:\/\/katex|src=/);
    const prose = await renderPost(testPost("Run echo $$ to print the pid, then kill $$ later.\n\nBut $$a b c + \\text{max of all}$$ and $$f(x) = ax + by$$ are math.\n", { hash: "math-prose" }), testContext("title: T", "math-prose"));
    expect(prose.problems.map((p) => [p.rule, p.line, p.found])).toEqual([["markdown/bad-math", 4, "$$to print the pid, then kill$$"]]);
  });
});

describe("code blocks labelled with a file name", () => {
  it("show Chirpy's {: file=\"...\" } as the label, keep the highlighting of the fence's language, and drop the attribute", async () => {
    const { renderPost } = await import("./index");
    const { html, problems } = await renderPost(testPost("```bash\nls -la\n```\n{: file=\"scripts/list.sh\" }\n", { hash: "code-file" }), testContext("title: T", "code-file"));
    expect(problems).toEqual([]);
    expect(html).toMatch(/^<pre data-language="scripts\/list.sh" data-file="" class="shiki"/);
    expect(html).toContain('<code class="language-bash"><span class="line"><span style=');
    expect(html).not.toMatch(/ file=/);
  });
});

describe("callouts", () => {
  it("turn GitHub's > [!NOTE] alerts into titled boxes, mark themes' .prompt-tip and .block-warning quotes, and leave other quotes alone", async () => {
    const { renderPost } = await import("./index");
    const body = "> [!NOTE]\n> Useful.\n\n> [!caution]\n>\n> Careful **now**.\n\n> Tip.\n{: .prompt-tip }\n\n> [!NOTE] not alone on its line\n\n> Plain.\n";
    const { html } = await renderPost(testPost(body, { hash: "callouts" }), testContext("title: T", "callouts"));
    expect(html).toContain('<blockquote class="callout callout-note">\n<p class="callout-title">Note</p><p>Useful.</p>');
    expect(html).toContain('<blockquote class="callout callout-caution">\n<p class="callout-title">Caution</p>\n<p>Careful <strong>now</strong>.</p>');
    expect(html).toContain('<blockquote class="prompt-tip callout callout-tip">\n<p>Tip.</p>');
    expect(html).toContain("<blockquote>\n<p>[!NOTE] not alone on its line</p>");
    expect(html).toContain("<blockquote>\n<p>Plain.</p>");
    const empty = await renderPost(testPost("> [!CAUTION]\n", { hash: "callout-empty" }), testContext("title: T", "callout-empty"));
    expect(empty.html).toBe("<blockquote>\n<p>[!CAUTION]</p>\n</blockquote>");
  });
});

describe("lines of problems after Liquid that prints fewer lines than it spans", () => {
  it("are the post's own lines after {% comment %} and {% capture %} blocks, and inside text printed by an output", async () => {
    const { renderPost } = await import("./index");
    const body = ["Intro.", "", "{% comment %}", "one", "two", "{% endcomment %}", "{% capture note %}", "a", "b", "{% endcapture %}", "", "Bad $$\\frac{1$$ and [gone](/gone/).", "", "{{ page.title }} then [also](/missing/)."].join("\n");
    const { problems } = await renderPost(testPost(body, { hash: "liquid-lines", bodyLine: 5 }), testContext("title: T", "liquid-lines", { resolvePath: () => undefined }));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ["markdown/bad-math", 16], ["links/broken-internal", 16], ["links/broken-internal", 18],
    ]);
  });
});

describe("math in a heading", () => {
  it("gives the heading an id and contents entry from the typeset math, not its TeX twice", async () => {
    const { renderPost } = await import("./index");
    const { html, headings } = await renderPost(testPost("## Section $$x^2$$\n\ntext\n", { hash: "math-heading" }), testContext("title: T", "math-heading"));
    expect(html).toMatch(/^<h2 id="section-x2">Section <span class="katex"><math/);
    expect(html).not.toContain("<annotation");
    expect(headings).toMatchObject([{ id: "section-x2", text: "Section x2" }]);
  });
});

describe("links over http", () => {
  it("are reported, except to hosts that have no https: the author's machine or network and example domains", async () => {
    const { checkPostBody } = await import("./index");
    const links = ["http://acme-legacy.io/a", "http://localhost:4000/", "http://127.0.0.1:8080/x", "http://192.168.1.10/", "http://printer.local/", "http://www.example.com/", "http://app.test/", "http://10.0.0.1/"];
    const post = testPost(links.map((href) => `[x](${href})`).join("\n\n"), { hash: "insecure-hosts" });
    const problems = await checkPostBody(post, testContext("title: T", "insecure-hosts"));
    expect(problems.filter((p) => p.rule === "links/insecure").map((p) => p.found)).toEqual(["http://acme-legacy.io/a"]);
  });
});

describe("an HTML comment that is never closed", () => {
  it("is reported where it starts, with how much of the post it hides; closed ones are not", async () => {
    const { renderPost } = await import("./index");
    const context = testContext("title: T", "unclosed-comment");
    const body = "Before.\n\n<!-- closed -->\n\nMiddle.\n\n<!-- never closed\n\nAfter text.\n\n## Heading after\n";
    const post = testPost(body, { hash: "unclosed-comment" });
    const { html, problems } = await renderPost(post, context);
    expect(html).not.toContain("After text");
    expect(problems).toMatchObject([{ rule: "markdown/unclosed-comment", line: 10, severity: "warning", expected: "-->" }]);
    expect(problems[0]!.message).toContain("(5 lines)");
  });
});

describe("links and ids the check catches", () => {
  it("reports a heading whose id another heading has, and an https:/ link with one slash", async () => {
    const { renderPost } = await import("./index");
    const context = testContext("title: T\nurl: https://blog.example.org", "duplicate-ids");
    const body = "## Same\n\n## Same\n\n## Same {#same}\n\n[rustconf](https:/twitter.com/rustconf) and [fine](https://example.org/)\n";
    const post = testPost(body, { hash: "duplicate-ids" });
    const { problems } = await renderPost(post, context);
    expect(problems.map((p) => [p.rule, p.line, p.found, p.expected])).toEqual([
      ["links/duplicate-id", 8, "#same", "an id of its own"],
      ["links/broken-internal", 10, "https:/twitter.com/rustconf", "https://twitter.com/rustconf"],
    ]);
  });
});

describe("footnotes", () => {
  it("keep kramdown's ids, in both sanitize modes, and links to them are not broken anchors", async () => {
    const { renderPost } = await import("./index");
    for (const sanitize of [false, true]) {
      const context = testContext(`title: T\nsanitize: ${sanitize}`, `footnote-ids-${sanitize}`);
      const body = "Text[^note] and again[^note].\n\n[Back to the note](#fn:note), [to the text](#fnref:note:1).\n\n[^note]: The note.\n";
      const post = testPost(body, { hash: `footnotes-${sanitize}` });
      const { html, problems } = await renderPost(post, context);
      expect(html).toContain('<li id="fn:note">');
      expect(html).toContain('id="fnref:note:1"');
      expect(html).toContain('href="#fnref:note:1"');
      expect(problems).toEqual([]);
    }
  });
});

describe("script URLs", () => {
  it("are reported in links and images when sanitize is off, wherever they are written", async () => {
    const { renderPost } = await import("./index");
    const context = testContext("title: T", "script-urls");
    const body = '[click](javascript:alert(5)) [ref][r] ![img](vbscript:msgbox) <a href=" JavaScript:alert(1)">x</a> [guide](/javascript-guide/)\n\n[r]: javascript:void(0)\n';
    const post = testPost(body, { hash: "script-urls" });
    const { problems } = await renderPost(post, context);
    expect(problems.filter((p) => p.rule === "links/unsafe-url").map((p) => p.found)).toEqual(["javascript:alert(5)", "javascript:void(0)", "vbscript:msgbox", " JavaScript:alert(1)"]);
  });
});

describe("hostile bodies", () => {
  const post = (hash: string, body: string) => ({ source: "_posts/2020-01-02-x.md", format: "markdown", body, bodyLine: 4, hash, url: "/x/", data: {}, title: "X", date: new Date(0), slug: "x", categories: [], tags: [], excerpt: "" });

  it("lists nested past the limit are reported at their line and not parsed (micromark would take minutes)", async () => {
    const { checkPostBody, renderPost } = await import("./index");
    const context = testContext("title: T", "too-deep-test");
    const body = `Intro\n\n${Array.from({ length: 3000 }, (_, i) => `${"  ".repeat(i)}- x\n`).join("")}`;
    // Unguarded, this render would not finish within the test's timeout.
    const rendered = await renderPost(post("too-deep", body) as never, context);
    expect(rendered.failed).toBe(true);
    expect(rendered.problems).toEqual([expect.objectContaining({ rule: "markdown/too-deep", severity: "error", blocksBuild: true, line: 4 + 103 - 1, found: "101 levels" })]);
    // Nothing is lost: the page keeps the source as text.
    expect(rendered.html).toMatch(/^<pre class="render-failed">Intro\n/);
    expect(await checkPostBody(post("too-deep-check", body) as never, context)).toEqual(rendered.problems);
  });

  it("a body the renderer cannot handle becomes a problem naming the file and the cause, not a crash", async () => {
    const { renderPost } = await import("./index");
    const context = testContext("title: T", "render-failed-test");
    const rendered = await renderPost(post("deep-html", `${"<div>".repeat(20000)}x${"</div>".repeat(20000)}\n`) as never, context);
    expect(rendered.failed).toBe(true);
    expect(rendered.problems).toEqual([
      expect.objectContaining({ rule: "markdown/render-failed", file: "_posts/2020-01-02-x.md", line: 4, blocksBuild: true, found: expect.stringContaining("RangeError") }),
    ]);
    expect(rendered.html).toContain("&lt;div&gt;");
  });
});

describe("a site with a baseurl (served under /proj)", () => {
  const pages = new Set(["/2024/01/first/", "/about/"]);
  const context = () => testContext("url: https://team.github.io\nbaseurl: /proj\nexternal_paths: [/docs/]", "baseurl-test", {
    resolvePath: (p) => (pages.has(p) ? "page" : p.startsWith("/docs/") ? "external" : undefined),
    asset: (p) => (p === "/assets/a.png" ? { width: 10, height: 5 } : undefined),
    postUrl: (name) => (name === "2024-01-02-first" ? "/2024/01/first/" : undefined),
  });
  const render = async (body: string) => {
    const { renderPost } = await import("./index");
    const post = { source: "_posts/2024-01-03-x.md", format: "markdown", body, bodyLine: 4, hash: body, url: "/2024/01/x/", data: {}, title: "X", date: new Date(0), slug: "x", categories: [], tags: [], excerpt: "" };
    return renderPost(post as never, context());
  };

  it("resolves links and images under the base, and post_url gives the URL under it, written either way (Jekyll 3 or 4)", async () => {
    const { html, problems } = await render([
      "[a]({% post_url 2024-01-02-first %}) [b]({{ site.baseurl }}{% post_url 2024-01-02-first %}) [c]({{ site.baseurl }}/{% post_url 2024-01-02-first %})",
      "[d]({{ '/about/' | relative_url }}) [e](../first/) [f](https://team.github.io/proj/about/) [g](/docs/api/)",
      "![pic]({{ site.baseurl }}/assets/a.png)",
      "{% raw %}`{{ site.baseurl }}{% post_url x %}`{% endraw %}",
    ].join("\n\n"));
    expect(problems).toEqual([]);
    expect(html.match(/href="\/proj\/2024\/01\/first\/"/g)).toHaveLength(3);
    expect(html).toContain('href="/proj/about/"');
    expect(html).toContain('src="/proj/assets/a.png" alt="pic" width="10" height="5"');
    expect(html).toContain("{{ site.baseurl }}{% post_url x %}");
  });

  it("reports links and images that leave the base, and a base written twice, with the fix", async () => {
    const { problems } = await render("[a](/about/) [b](/nowhere/)\n\n![pic](/assets/a.png)\n\n[c]({{ site.baseurl }}{{ '/about/' | relative_url }})\n");
    expect(problems.map((p) => [p.rule, p.found, p.expected])).toEqual([
      ["links/broken-internal", "/about/", "a URL under /proj/, here /proj/about/"],
      ["links/broken-internal", "/nowhere/", "a URL under /proj/"],
      ["images/missing", "/assets/a.png", "a path under /proj/"],
      ["links/broken-internal", "/proj/proj/about/", "/proj/about/, with the baseurl once"],
    ]);
    expect(problems[0]!.hint).toContain("{{ site.baseurl }}/about/");
  });
});
