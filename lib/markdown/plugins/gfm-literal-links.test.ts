import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import type { Extension } from "mdast-util-from-markdown";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { remarkGfmLiteralLinksWhenPresent } from "./gfm-literal-links";

/** Whether a processor runs remark-gfm's literal-link transform unguarded (the guard did not apply). */
function runsUnguardedLiteralLinks(processor: { data(key: "fromMarkdownExtensions"): unknown }): boolean {
  const [linkLiterals] = gfmAutolinkLiteralFromMarkdown().transforms ?? [];
  const has = (extensions: readonly unknown[]): boolean =>
    extensions.some((extension) => (Array.isArray(extension) ? has(extension) : (extension as Extension).transforms?.includes(linkLiterals!)));
  return has((processor.data("fromMarkdownExtensions") ?? []) as unknown[]);
}

const plain = () => unified().use(remarkParse).use(remarkGfm);
const guarded = () => plain().use(remarkGfmLiteralLinksWhenPresent);
const html = (processor: typeof plain, markdown: string) => String(processor().use(remarkRehype).use(rehypeStringify).processSync(markdown));

describe("remark-gfm's literal links, run only where text could hold one", () => {
  it("replaces remark-gfm's transform (it would run unguarded if the package were not deduplicated)", () => {
    expect(runsUnguardedLiteralLinks(plain().freeze())).toBe(true);
    expect(runsUnguardedLiteralLinks(guarded().freeze())).toBe(false);
  });

  it("links what remark-gfm links, and leaves the rest as remark-gfm does", () => {
    const samples = [
      "See www.example.com, WWW.EXAMPLE.ORG/path and https://example.net/a?b=c.",
      "Mail ada@example.com, mailto:bob@example.org or xmpp:carol@example.com/home.",
      "HTTP://EXAMPLE.COM in capitals, and http://localhost:3000 without a dot.",
      "A [link to www.example.com](https://example.com) and [ref][r] stay as they are.\n\n[r]: https://example.org",
      "No links here: just text, `code@example.com` in code, and an email-like a@b without a dot.",
      "```\nhttps://example.com in a code block\n```\n\n| a | b |\n|---|---|\n| www.example.com | x@y.zz |",
    ];
    for (const markdown of samples) expect(html(guarded, markdown), markdown).toBe(html(plain, markdown));
    expect(html(guarded, samples[0]!)).toContain('<a href="http://www.example.com">www.example.com</a>');
    expect(html(guarded, samples[1]!)).toContain('<a href="mailto:ada@example.com">ada@example.com</a>');
  });
});
