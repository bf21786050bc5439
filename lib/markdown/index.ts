import "server-only";
import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeRaw from "rehype-raw";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import type { Post } from "@/lib/content/post";
import type { ContentProblem } from "@/lib/content/problems";
import { rehypeCollectHeadings, type Heading } from "./plugins/collect-headings";
import { rehypeScrollableBlocks } from "./plugins/scrollable-blocks";

export type { Heading };

export interface RenderedPost {
  html: string;
  /** h2-h4 with their ids, for the table of contents. */
  headings: Heading[];
  problems: ContentProblem[];
}

let processor: Processor | undefined;

function markdownProcessor(): Processor {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Raw HTML passes through, as in Jekyll: posts come from the team's own committers.
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSlug)
    .use(rehypeCollectHeadings)
    .use(rehypeScrollableBlocks)
    .use(rehypeStringify) as unknown as Processor;
  return processor;
}

const rendered = new Map<string, Promise<RenderedPost>>();

/** One post's body as HTML, rendered on first use and then reused for the life of the process. */
export function renderPost(post: Post): Promise<RenderedPost> {
  let result = rendered.get(post.hash);
  if (!result) {
    result = renderMarkdown(post.body);
    rendered.set(post.hash, result);
  }
  return result;
}

export async function renderMarkdown(markdown: string): Promise<RenderedPost> {
  const file = await markdownProcessor().process(markdown);
  return { html: String(file), headings: (file.data.headings as Heading[] | undefined) ?? [], problems: [] };
}
