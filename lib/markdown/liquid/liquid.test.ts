import { describe, expect, it } from "vitest";
import { renderLiquid } from "./index";
import { liquidTime } from "@/lib/content/dates";
import { markdownToHtml, stubContext, toHtml } from "./testing";

const render = (body: string, ctx = stubContext()) => renderLiquid(body, ctx);
const lineCount = (text: string) => text.split("\n").length;

describe("renderLiquid: {% highlight %}", () => {
  it("leaves a placeholder and a pre > code block with the language", async () => {
    const { markdown, blocks, problems } = await render("Before\n\n{% highlight Java %}\nclass A {}\n{% endhighlight %}\n\nAfter");
    expect(problems).toEqual([]);
    expect(markdown).toBe("Before\n\n<!--liquid-block:1\n\n-->\n\nAfter");
    expect(toHtml(blocks.get("1"))).toBe('<pre><code class="language-java">class A {}</code></pre>');
  });

  it("marks linenos on the pre", async () => {
    const { blocks } = await render("{% highlight java linenos %}\nint a;\n{% endhighlight %}");
    expect(toHtml(blocks.get("1"))).toBe('<pre data-linenos><code class="language-java">int a;</code></pre>');
  });

  it("accepts sloppy spacing and plain-text names", async () => {
    for (const [tag, className] of [
      ["{% highlight text%}", "language-text"],
      ["{%highlight Bash%}", "language-bash"],
      ["{% highlight   yml   %}", "language-yml"],
      ["{% highlight none %}", "language-text"],
      ["{% highlight plain %}", "language-text"],
    ] as const) {
      const { markdown, blocks, problems } = await render(`${tag}\nx\n{% endhighlight %}`);
      expect(problems, tag).toEqual([]);
      expect(markdown, tag).not.toContain("{%");
      expect(toHtml(blocks.get("1")), tag).toBe(`<pre><code class="${className}">x</code></pre>`);
    }
  });

  it("renders a code block without a language class when none is given, and says so (Jekyll stops there)", async () => {
    const { blocks, problems } = await render("{% highlight %}\nx\n{% endhighlight %}");
    expect(toHtml(blocks.get("1"))).toBe("<pre><code>x</code></pre>");
    expect(problems).toMatchObject([{ rule: "liquid/bad-argument", line: 1, message: "{% highlight %} names no language; the code is shown as plain text" }]);
  });

  it("keeps code exactly: indentation, blank lines, `<`, fences and {% raw %} {{ }}", async () => {
    const code = "  <div>\n\n    ```\n    {{ name }}\n  </div>";
    const { markdown, blocks } = await render(`{% highlight html %}{% raw %}\n${code}\n{% endraw %}{% endhighlight %}\n\nAfter`);
    expect(blocks.get("1")?.children[0]).toMatchObject({ children: [{ type: "text", value: code }] });
    const html = await markdownToHtml(markdown, blocks);
    expect(html).toBe(
      '<pre><code class="language-html">  &#x3C;div>\n\n    ```\n    {{ name }}\n  &#x3C;/div></code></pre>\n<p>After</p>',
    );
  });

  it("drops the line breaks around the code, as Jekyll does (also those left by {% raw %} on its own line)", async () => {
    const { blocks } = await render("{% highlight yml %}\n{% raw %}\nkey: {{ value }}\n{% endraw %}\n{% endhighlight %}");
    expect(toHtml(blocks.get("1"))).toBe('<pre><code class="language-yml">key: {{ value }}</code></pre>');
  });

  it("renders Liquid inside the code like Jekyll", async () => {
    const { blocks } = await render("{% highlight text %}\n{{ site.title }}\n{% endhighlight %}");
    expect(toHtml(blocks.get("1"))).toContain(">Dev Blog<");
  });

  it("drops the output of a site tag inside the code, keeping block ids unique", async () => {
    const { markdown, blocks } = await render("{% highlight text %}\nA {% twitter https://x.com/a/status/1 %} B\n{% endhighlight %}\n{% twitter https://x.com/b/status/2 %}");
    expect(toHtml(blocks.get("2"))).toBe('<pre><code class="language-text">A  B</code></pre>');
    expect([...blocks.keys()]).toEqual(["2", "3"]);
    expect(markdown).toBe("<!--liquid-block:2\n\n-->\n<!--liquid-block:3-->");
  });

  it("reports a highlight that is never closed", async () => {
    const { markdown, problems } = await render("a\n\n{% highlight bash %}\nls\n");
    expect(problems).toMatchObject([{ rule: "liquid/syntax", line: 3, expected: "{% endhighlight %}" }]);
    expect(markdown).toBe("a\n\n\nls\n");
  });
});

describe("renderLiquid: {% raw %} and {% comment %}", () => {
  it("emits raw content verbatim for Markdown to process", async () => {
    const body = "```go\n{% raw %}\n{{- define \"x\" -}}\n{% if %}\n{% endraw %}\n```";
    const { markdown, problems } = await render(body);
    expect(problems).toEqual([]);
    expect(markdown).toBe('```go\n\n{{- define "x" -}}\n{% if %}\n\n```');
  });

  it("supports the whitespace-control form", async () => {
    const { markdown, problems } = await render("```go\n{%- raw -%}\n{{ .name }}\n{%- endraw -%}\n```");
    expect(problems).toEqual([]);
    expect(markdown).toBe("```go\n{{ .name }}\n```");
  });

  it("renders a comment as nothing and keeps the line count", async () => {
    const body = "One\n\n{% comment %}\nnot {{ shown }}\n{% endcomment %}\n\nTwo {% comment %}inline{% endcomment %}end";
    const { markdown, problems } = await render(body);
    expect(problems).toEqual([]);
    expect(markdown).not.toMatch(/shown|inline/);
    expect(lineCount(markdown)).toBe(lineCount(body));
    expect(await markdownToHtml(markdown, new Map())).toBe("<p>One</p>\n\n<p>Two end</p>");
  });
});

describe("renderLiquid: variables and filters", () => {
  it("renders site and page variables with standard filters", async () => {
    const { markdown, problems } = await render("# {{ page.title | upcase }}\n\nOn {{ site.title }}: {{ page.tags | join: ', ' }}{{ page.missing }}.");
    expect(problems).toEqual([]);
    expect(markdown).toBe("# A POST\n\nOn Dev Blog: a, b.");
  });

  it("has Jekyll's URL filters", async () => {
    const { markdown } = await render("{{ '/x/' | relative_url }} {{ 'x/' | absolute_url }}");
    expect(markdown).toBe("/base/x/ https://example.com/base/x/");
  });

  it("formats dates in the site's timezone, whatever the machine's", async () => {
    const ctx = stubContext({ site: { timezone: "Europe/Berlin" }, page: { date: new Date("2016-12-31T23:30:00Z") } });
    expect((await render("{{ page.date | date: '%Y-%m-%d %H:%M' }}", ctx)).markdown).toBe("2017-01-01 00:30");
    const utc = stubContext({ site: {}, page: { date: new Date("2016-12-31T23:30:00Z") } });
    expect((await render("{{ page.date | date: '%Y-%m-%d %H:%M' }}", utc)).markdown).toBe("2016-12-31 23:30");
    // Printed as it is, a date reads as Jekyll's Time does, in the site's timezone.
    const berlin = stubContext({ site: { timezone: "Europe/Berlin" }, page: { date: liquidTime(new Date("2024-04-30T22:00:00Z"), "Europe/Berlin") } });
    expect((await render("{{ page.date }} | {{ page.date | date: '%d %b' }} | {{ page.date | jsonify }}", berlin)).markdown).toBe('2024-05-01 00:00:00 +0200 | 01 May | "2024-05-01 00:00:00 +0200"');
    expect(String(liquidTime(new Date("2024-01-15T12:00:00Z"), "America/St_Johns"))).toBe("2024-01-15 08:30:00 -0330");
  });

  it("supports control flow", async () => {
    const { markdown } = await render("{% for tag in page.tags %}[{{ tag }}]{% endfor %}{% if page.title %} yes{% endif %}");
    expect(markdown).toBe("[a][b] yes");
  });
});

describe("renderLiquid: post_url and link", () => {
  it("resolves posts and files to URL paths under the baseurl (Jekyll 4), also when {{ site.baseurl }} comes first (Jekyll 3)", async () => {
    const { markdown, problems } = await render(
      "[a]({% post_url 2016-03-08-some-post %}) [b]({{ site.baseurl }}{% post_url 2017-01-02-other-post %}) [c]({% link _posts/2016-03-08-some-post.md %})",
    );
    expect(problems).toEqual([]);
    expect(markdown).toBe("[a](/base/blog/coding/some-post/) [b](/base/blog/events/other-post/) [c](/base/blog/coding/some-post/)");
  });

  it("reports unresolved ones and links to #", async () => {
    const { markdown, problems } = await render("x\n[a]({% post_url 2016-03-09-nope %})\n[b]({% link _posts/nope.md %})");
    expect(markdown).toBe("x\n[a](#)\n[b](#)");
    expect(problems).toMatchObject([
      { rule: "liquid/unknown-post", line: 2, found: "2016-03-09-nope", expected: expect.any(String), hint: expect.any(String) },
      { rule: "liquid/unknown-post", line: 3, found: "_posts/nope.md" },
    ]);
  });

  it("renders an unresolved one outside a link as nothing: a `#` alone on a line would be an empty heading", async () => {
    const { markdown } = await render('Intro.\n\n{% post_url 2016-03-09-nope %}\n\n<a href="{% post_url 2016-03-09-nope %}">x</a>\n\n[r]:   {% link _posts/nope.md %}\n[a]( {% post_url 2016-03-09-nope %} )');
    expect(markdown).toBe('Intro.\n\n\n\n<a href="#">x</a>\n\n[r]:   #\n[a]( # )');
  });
});

describe("renderLiquid: include", () => {
  it("renders the include as Liquid with include.* parameters", async () => {
    const { markdown, problems } = await render('Text\n{% include note.html text="Hello" %}');
    expect(problems).toEqual([]);
    expect(markdown).toBe('Text\n<aside class="note">Hello on Dev Blog</aside>');
  });

  it("renders jekyll-include-cache's include_cached as include", async () => {
    const { markdown, problems } = await render('{% include_cached note.html text="Cached" %}');
    expect(problems).toEqual([]);
    expect(markdown).toBe('<aside class="note">Cached on Dev Blog</aside>');
  });

  it("passes variables as parameters", async () => {
    const { markdown } = await render("{% include note.html text=page.title %}");
    expect(markdown).toBe('<aside class="note">A Post on Dev Blog</aside>');
  });

  it("takes the file name from a variable", async () => {
    const ctx = stubContext({ page: { note: "note" } });
    const { markdown } = await render('{% include {{ page.note }}.html text="Hi" %}', ctx);
    expect(markdown).toBe('<aside class="note">Hi on Dev Blog</aside>');
  });

  it("warns about a missing include and renders nothing", async () => {
    const { markdown, problems } = await render("a\n{% include nope.html %}\nb");
    expect(markdown).toBe("a\n\nb");
    expect(problems).toMatchObject([{ rule: "liquid/missing-include", line: 2, found: "nope.html" }]);
  });

  it("reports problems inside an include at the include's line", async () => {
    const ctx = stubContext({ readInclude: (name) => (name === "bad.html" ? "{% if x %}oops" : name === "self.html" ? "{% include self.html %}" : undefined) });
    const { problems } = await render("a\n\n{% include bad.html %}\n{% include self.html %}", ctx);
    expect(problems).toMatchObject([
      { rule: "liquid/syntax", line: 3 },
      { rule: "liquid/syntax", line: 4, message: expect.stringContaining("nested") },
    ]);
  });
});

describe("renderLiquid: markdownify", () => {
  it("turns Markdown into HTML, as Jekyll's filter does, also inside an include's HTML", async () => {
    const ctx = stubContext({ readInclude: (name) => (name === "notice.html" ? '<div class="notice">{{ include.content | markdownify }}</div>' : undefined) });
    const { markdown } = await render('{% include notice.html content="Hello **world**, see [docs](/docs/)" %}', ctx);
    expect(markdown).toBe('<div class="notice"><p>Hello <strong>world</strong>, see <a href="/docs/">docs</a></p></div>');
  });
});

describe("renderLiquid: undefined variables", () => {
  it("warns about {{ }} of a variable nothing defines, such as GitHub Actions' syntax in a code block, but not in raw blocks", async () => {
    const body = [
      '{% assign who = "me" %}{% capture note %}n{% endcapture %}',
      "{{ who }} {{ note }} {{ page.title }} {{ site.title }} {{ true }} {{ \"text\" }}",
      "```yaml",
      "group: ${{ github.ref }}",
      "```",
      "{% raw %}{{ matrix.os }}{% endraw %}",
      "{% for post in site.posts %}{{ post.title }}{% endfor %}",
      "`{{ message | upcase }}`",
    ].join("\n");
    const { problems } = await render(body);
    expect(problems.map((p) => [p.rule, p.line, p.found])).toEqual([
      ["liquid/undefined-variable", 4, "{{ github.ref }}"],
      ["liquid/undefined-variable", 8, "{{ message | upcase }}"],
    ]);
  });
});

describe("renderLiquid: markup the tokenizer rejects inside it", () => {
  it("cuts only that {{ }} (GitHub Actions' ||, Jinja's default('x')) and keeps the post's other Liquid", async () => {
    const body = ["Intro {{ page.title }}.", "```yaml", "run: ${{ github.event_name == 'push' || inputs.force }}", "x: {{ var | default('x') }}", "```", "{{ a || b }} and {{ page.title | downcase }}"].join("\n");
    const { markdown, problems } = await render(body);
    expect(markdown).toBe(["Intro A Post.", "```yaml", "run: $", "x: ", "```", " and a post"].join("\n"));
    expect(problems.map((p) => [p.rule, p.line, p.found])).toEqual([
      ["liquid/syntax", 3, "{{ github.event_name == 'push' || inputs.force }}"],
      ["liquid/syntax", 4, "{{ var | default('x') }}"],
      ["liquid/syntax", 6, "{{ a || b }}"],
    ]);
    expect(problems[0]?.hint).toContain("{% raw %}");
  });
});

describe("renderLiquid: unknown filters", () => {
  it("warns about a filter that does not exist, with its line and a guess, and leaves the value unchanged", async () => {
    const body = [
      "{{ page.title | upcase }} {{ \"a | b\" | append: 'x|y' }}",
      "",
      "{{ page.title | upcsae }}",
      "{% assign n = 3 | nosuchfilter %}",
      "{% raw %}{{ x | weird }}{% endraw %}",
      "`{{ github.sha | short }}`",
    ].join("\n");
    const { markdown, problems } = await render(body);
    expect(markdown.split("\n")[2]).toBe("A Post");
    expect(problems.map((p) => [p.rule, p.line, p.hint?.slice(0, 24)])).toEqual([
      ["liquid/unknown-filter", 3, "did you mean `upcase`?"],
      ["liquid/unknown-filter", 4, "Jekyll plugins' filters "],
      // Code with an undefined variable gets the {% raw %} advice once, not a second warning about its filter.
      ["liquid/undefined-variable", 6, "to show it as written (c"],
    ]);
  });

  it("smartify makes quotes and dashes typographic, as Jekyll's does", async () => {
    const { markdown, problems } = await render(`{{ "\\"It's\\" -- here --- and... 'quoted'" | smartify }}`);
    expect(problems).toEqual([]);
    expect(markdown).toBe("“It’s” – here — and… ‘quoted’");
  });
});

describe("renderLiquid: include_relative", () => {
  it("renders a file named relative to the post, as Liquid", async () => {
    const { markdown, problems } = await render("```ruby\n{% include_relative samples/hello.rb %}\n```");
    expect(markdown).toBe('```ruby\nputs "A Post"\n```');
    expect(problems).toEqual([]);
  });

  it("reports a missing file with its path, and refuses `..` as Jekyll does", async () => {
    const { markdown, problems } = await render("a\n{% include_relative nope.rb %}\n{% include_relative ../../secret.txt %}\nb");
    expect(markdown).toBe("a\n\n\nb");
    expect(problems).toMatchObject([
      { rule: "liquid/missing-include", line: 2, message: "{% include_relative %} of a file that does not exist: _posts/nope.rb" },
      { rule: "liquid/bad-argument", line: 3, found: "../../secret.txt" },
    ]);
  });
});

describe("renderLiquid: unknown tags", () => {
  it("warns about an unknown inline tag and renders nothing", async () => {
    const { markdown, problems } = await render("a {% instagram 123 %} b\n{% seo %}\nc");
    expect(markdown).toBe("a  b\n\nc");
    expect(problems).toMatchObject([
      { rule: "liquid/unknown-tag", line: 1, found: "instagram" },
      { rule: "liquid/unknown-tag", line: 2, found: "seo" },
    ]);
  });

  it("renders nothing for a whole unknown block and keeps the line count", async () => {
    const body = "a\n\n{% callout warning %}\nInside {{ page.title }}\n\nmore\n{% endcallout %}\n\nb";
    const { markdown, problems } = await render(body);
    expect(markdown).not.toMatch(/Inside|more|\{%/);
    expect(lineCount(markdown)).toBe(lineCount(body));
    expect(problems).toMatchObject([{ rule: "liquid/unknown-tag", line: 3, found: "callout" }]);
    expect(await markdownToHtml(markdown, new Map())).toBe("<p>a</p>\n\n<p>b</p>");
  });

  it("keeps reporting a tag name once it has been seen", async () => {
    await render("{% instagram 1 %}");
    const { problems } = await render("x\n{% instagram 2 %}");
    expect(problems).toMatchObject([{ rule: "liquid/unknown-tag", line: 2 }]);
  });

  it("does not report tags inside comments or raw text", async () => {
    const { problems } = await render("{% comment %}{% instagram 1 %}{% endcomment %}{% raw %}{% instagram 2 %}{% endraw %}");
    expect(problems).toEqual([]);
  });
});

describe("renderLiquid: syntax errors", () => {
  it("reports an unclosed {% raw %} and shows the rest as written", async () => {
    const { markdown, problems } = await render("one\ntwo\n{% raw %}\n{{ x }} {% y %}");
    expect(problems).toMatchObject([{ rule: "liquid/syntax", line: 3 }]);
    expect(markdown).toBe("one\ntwo\n\n{{ x }} {% y %}");
  });

  it("reports {% if %} without {% endif %} and renders its content", async () => {
    const { markdown, problems } = await render("one\n\n{% if page.title %}\nshown\n");
    expect(problems).toMatchObject([{ rule: "liquid/syntax", line: 3, found: "{% if page.title %}", expected: "{% endif %}" }]);
    expect(markdown).toBe("one\n\n\nshown\n");
  });

  it("reports a stray {{ and a stray {% endif %}", async () => {
    const { markdown, problems } = await render("one\ntwo {{ three\n{% endif %}\nfour");
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ["liquid/syntax", 2],
      ["liquid/syntax", 3],
    ]);
    expect(markdown).toBe("one\ntwo  three\n\nfour");
  });

  it("reports an unclosed {% and an invalid expression", async () => {
    const { markdown, problems } = await render("a\n{% for %}x{% endfor %}\nb {% if");
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ["liquid/syntax", 2],
      ["liquid/syntax", 2],
      ["liquid/syntax", 3],
    ]);
    expect(markdown).not.toMatch(/\{%|\{\{/);
    expect(lineCount(markdown)).toBe(3);
  });

  it("never throws, and keeps tags that still parse", async () => {
    const { markdown, blocks, problems } = await render("{% endfor %}\n{% youtube_video video_id=\"wNQ7B0rIB3g\" %}\n{{ }");
    expect(problems.every((p) => p.rule === "liquid/syntax")).toBe(true);
    expect(markdown).toMatch(/^\n<!--liquid-block:1-->\n/);
    expect(blocks.size).toBe(1);
  });
});

describe("renderLiquid: site tags and placeholders", () => {
  it("puts the element in blocks and a placeholder in the Markdown, with problems at the tag's line", async () => {
    const { markdown, blocks, problems } = await render('Intro\n\n{% image_custom image="/assets/img/gone.png" %}\n\n{% twitter https://twitter.com/a/status/1 %}');
    expect(markdown).toBe("Intro\n\n\n\n<!--liquid-block:1-->");
    expect(problems).toMatchObject([{ rule: "images/missing", line: 3 }]);
    expect(toHtml(blocks.get("1"))).toContain('class="tweet-card"');
  });

  it("renders Liquid in tag arguments", async () => {
    const ctx = stubContext({ page: { image: "/assets/img/photo.jpg" } });
    const { blocks } = await render('{% image_custom image="{{ page.image }}" %}', ctx);
    expect(toHtml(blocks.get("1"))).toContain('src="/assets/img/photo.jpg"');
  });

  it("reports broken Liquid in tag arguments without losing the rest of the post", async () => {
    const { markdown, problems } = await render('Text {{ page.title }}\n{% image_custom image="{{ page.image" %}');
    expect(markdown.startsWith("Text A Post\n")).toBe(true);
    expect(problems.map((p) => [p.rule, p.line])).toContainEqual(["liquid/syntax", 2]);
  });

  it("pads placeholders so the Markdown keeps the body's line count", async () => {
    const body = [
      "Intro:",
      "{% highlight bash %}",
      "echo 1",
      "",
      "echo 2",
      "{% endhighlight %}",
      "- item",
      "",
      "  {% highlight ruby %}",
      "  puts 1",
      "",
      "  {% endhighlight %}",
      "> {% highlight text %}",
      "> quoted",
      "> {% endhighlight %}",
      "Text {% highlight text %}a",
      "",
      "b{% endhighlight %} after",
      "{% comment %}",
      "x",
      "{% endcomment %}",
      "end",
    ].join("\n");
    const { markdown, problems } = await render(body);
    expect(problems).toEqual([]);
    expect(lineCount(markdown)).toBe(lineCount(body));
    expect(markdown.split("\n").slice(6, 12)).toEqual(["- item", "", "  <!--liquid-block:2", "  ", "  ", "  -->"]);
    expect(markdown.split("\n").slice(12, 15)).toEqual(["> <!--liquid-block:3", "> ", "> -->"]);
    expect(markdown.split("\n").slice(15, 18)).toEqual(["Text <!--liquid-block:4", ".", ".--> after"]);
  });
});

describe("renderLiquid: hostile markup", () => {
  it("stops loops and string growth that would run for minutes, with a problem", async () => {
    const loop = await render("Before\n\n{% for i in (1..100000000) %}x{% endfor %}\n");
    expect(loop.markdown).toContain("Before");
    expect(loop.problems).toContainEqual(expect.objectContaining({ rule: "liquid/syntax", message: expect.stringMatching(/limit exceeded/) }));
    const doubling = await render(`{% assign s = "x" %}${"{% assign s = s | append: s %}".repeat(40)}{{ s | size }}`);
    expect(doubling.problems).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/limit exceeded/) }));
  });
});

describe("renderLiquid: bodies without Liquid markup", () => {
  it("returns them as written, however many braces and percent signs they hold, as Liquid would", async () => {
    const plain = "50% of { x } and {a: {b}} }} %} { % not a tag %\n\n```js\nconst o = { {} };\n```";
    const { markdown, problems, blocks, originalLine } = await render(plain);
    expect(markdown).toBe(plain);
    expect(problems).toEqual([]);
    expect(blocks.size).toBe(0);
    expect(originalLine(5)).toBe(5);
    // The same text with one tag goes through Liquid, which leaves it as it is too.
    expect((await render(`${plain}{% comment %}x{% endcomment %}`)).markdown).toBe(plain);
  });
});

describe("renderLiquid: markup left open (found in review)", () => {
  it("hides the rest of the post after a {% comment %} that is never closed, instead of publishing it", async () => {
    const { markdown, problems } = await render("Public text.\n\n{% comment %}\nPRIVATE: do not publish\n");
    expect(markdown).not.toContain("PRIVATE");
    expect(markdown).toContain("Public text.");
    expect(problems).toMatchObject([{ rule: "liquid/syntax", line: 3, message: "{% comment %} is never closed; the rest of the post is hidden", expected: "{% endcomment %}" }]);
  });

  it("keeps the text after a stray `{% comment...` that only a later %} closes, instead of hiding the rest", async () => {
    const { markdown } = await render("Type {% comment to start one.\n\nLater text %} stays.");
    expect(markdown).toContain("Later text");
  });

  it("keeps the paragraphs after a stray {% that only a later %} closes, and says where", async () => {
    const { markdown, problems } = await render("Use {% in templates.\n\nThis whole paragraph stays.\n\nEnds at %} here.");
    expect(markdown).toBe("Use  in templates.\n\nThis whole paragraph stays.\n\nEnds at %} here.");
    expect(lineCount(markdown)).toBe(5);
    expect(problems).toMatchObject([{ rule: "liquid/syntax", line: 1, message: expect.stringContaining("the next `%}` is 4 lines further down") }]);
  });
});
