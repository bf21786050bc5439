// Helpers for the Liquid stage's unit tests.
import type { Element, Root } from "hast";
import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypeLiquidBlocks } from "./placeholders";
import type { LiquidContext } from "./types";

/** A site with two posts, one include and two images. */
export function stubContext(overrides: Partial<LiquidContext> = {}): LiquidContext {
  const posts: Record<string, string> = {
    "2016-03-08-some-post": "/blog/coding/some-post/",
    "2017-01-02-other-post": "/blog/events/other-post/",
  };
  const files: Record<string, string> = { "_posts/2016-03-08-some-post.md": "/blog/coding/some-post/" };
  const includes: Record<string, string> = {
    "note.html": '<aside class="note">{{ include.text }} on {{ site.title }}</aside>',
  };
  const relative: Record<string, string> = { "samples/hello.rb": 'puts "{{ page.title }}"' };
  const assets: Record<string, { width?: number; height?: number }> = {
    "/assets/img/photo.jpg": { width: 800, height: 600 },
    "/assets/img/diagram.svg": {},
  };
  return {
    site: { title: "Dev Blog", url: "https://example.com", baseurl: "/base" },
    page: { title: "A Post", tags: ["a", "b"] },
    postUrl: (name) => posts[name],
    linkUrl: (path) => files[path],
    readInclude: (name) => includes[name],
    readIncludeRelative: (name) => (name.includes("..") ? undefined : { path: `_posts/${name}`, text: relative[name] }),
    asset: (urlPath) => assets[urlPath],
    ...overrides,
  };
}

/** One element as HTML. */
export function toHtml(element: Element | undefined): string {
  if (!element) return "";
  const root: Root = { type: "root", children: [element] };
  return unified().use(rehypeStringify).stringify(root);
}

/** The Markdown half of the pipeline, as lib/markdown runs it, with the placeholders swapped in. */
export async function markdownToHtml(markdown: string, blocks: Map<string, Element>): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeLiquidBlocks, { blocks })
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}
