import type { Element, Root } from "hast";
import { h } from "hastscript";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { rehypeLiquidBlocks, renderLiquid } from "./index";
import { markdownToHtml, stubContext } from "./testing";

const toHtmlEndToEnd = async (body: string) => {
  const { markdown, blocks } = await renderLiquid(body, stubContext());
  return markdownToHtml(markdown, blocks);
};

describe("rehypeLiquidBlocks", () => {
  it("replaces a block-level placeholder with its element", async () => {
    const html = await toHtmlEndToEnd("Intro:\n{% highlight js %}\nif (a < b) {\n\n  run();\n}\n{% endhighlight %}\nAfter");
    expect(html).toBe('<p>Intro:</p>\n<pre><code class="language-js">if (a &#x3C; b) {\n\n  run();\n}</code></pre>\n<p>After</p>');
  });

  it("splits a paragraph around an inline placeholder: a figure cannot live in <p>", async () => {
    const html = await toHtmlEndToEnd('Before {% image_custom image="/assets/img/photo.jpg" width="40" align="left" %} after.');
    expect(html).toBe(
      '<p>Before </p><figure class="image-custom align-left" style="width:40%"><img src="/assets/img/photo.jpg" alt="" loading="lazy" decoding="async" width="800" height="600"></figure><p> after.</p>',
    );
  });

  it("replaces a whole paragraph whose only content is the placeholder", () => {
    const tree: Root = {
      type: "root",
      children: [h("p", [{ type: "text", value: " " }, { type: "comment", value: "liquid-block:1" }, { type: "text", value: "\n" }])],
    };
    const blocks = new Map<string, Element>([["1", h("figure", "x")]]);
    rehypeLiquidBlocks({ blocks })(tree);
    expect(tree.children).toEqual([h("figure", "x")]);
  });

  it("keeps multi-line blocks inside list items and blockquotes", async () => {
    const html = await toHtmlEndToEnd(
      "- one\n\n  {% highlight ruby %}\n  a = 1\n\n  b = 2\n  {% endhighlight %}\n- two\n\n> {% highlight text %}\n> quoted\n>\n> more\n> {% endhighlight %}\n",
    );
    expect(html).toMatch(/<li>\n<p>one<\/p>\n<pre><code class="language-ruby">a = 1\n\nb = 2<\/code><\/pre>\n<\/li>\n<li>\n<p>two<\/p>\n<\/li>\n<\/ul>/);
    expect(html).toMatch(/<blockquote>\n<pre><code class="language-text">quoted\n\nmore<\/code><\/pre>\n<\/blockquote>/);
  });

  it("keeps a multi-line block that starts mid-paragraph in one piece", async () => {
    const html = await toHtmlEndToEnd("Run {% highlight bash %}\nls\n\npwd\n{% endhighlight %} now.");
    expect(html).toBe('<p>Run </p><pre><code class="language-bash">ls\n\npwd</code></pre><p> now.</p>');
  });

  it("removes the gaps left by comments and unknown blocks", async () => {
    const html = await toHtmlEndToEnd("a\n\n{% comment %}\nx\n\ny\n{% endcomment %}\n\n{% note %}\nz\n{% endnote %}\n\nb");
    expect(html).toBe("<p>a</p>\n\n\n<p>b</p>");
    expect(await toHtmlEndToEnd("Text {% comment %}\nx\n{% endcomment %} more\nand more")).toBe("<p>Text  more\nand more</p>");
  });

  it("renders the site's tags end to end", async () => {
    const html = await toHtmlEndToEnd(
      '{% youtube_video video_id="wNQ7B0rIB3g" %}\n\n{% twitter https://twitter.com/a_b/status/12 %}\n\n{% image_lightbox image="/assets/img/missing.jpg" %}\n\nEnd',
    );
    expect(html).toBe(
      '<figure class="video-embed" style="aspect-ratio:16/9"><a class="video-embed-link" href="https://www.youtube.com/watch?v=wNQ7B0rIB3g" data-youtube-id="wNQ7B0rIB3g">Play video on YouTube</a></figure>\n' +
        '<blockquote class="tweet-card"><p>Post on X/Twitter by @a_b</p><a href="https://twitter.com/a_b/status/12">View the post</a></blockquote>\n' +
        "<p>End</p>",
    );
  });

  it("also works on raw nodes when rehype-raw does not run", async () => {
    const { markdown, blocks } = await renderLiquid("{% highlight text %}\na\n{% endhighlight %}\n\nText {% twitter https://x.com/a/status/1 %}", stubContext());
    const file = await unified()
      .use(remarkParse)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeLiquidBlocks, { blocks })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .process(markdown);
    expect(String(file)).toBe(
      '<pre><code class="language-text">a</code></pre>\n<p>Text </p><blockquote class="tweet-card"><p>Post on X/Twitter by @a</p><a href="https://x.com/a/status/1">View the post</a></blockquote>',
    );
  });
});
