import "server-only";
import { createHash } from "node:crypto";
import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import type { VFileMessage } from "vfile-message";
import type { Post } from "@/lib/content/post";
import { problem, RULES, type ContentProblem, type RuleId } from "@/lib/content/problems";
import { cacheEnabled, readCached, writeCached } from "./cache";
import type { RenderContext } from "./context";
import { rehypeCheckLinks, type LinkCheckData } from "./plugins/check-links";
import { rehypeCollectHeadings, type Heading } from "./plugins/collect-headings";
import { rehypeScrollableBlocks } from "./plugins/scrollable-blocks";

export type { Heading, RenderContext };

export interface RenderedPost {
  html: string;
  /** h2-h4 with their ids, for the table of contents. */
  headings: Heading[];
  /** Problems found while rendering (Liquid, links, images), with file lines. */
  problems: ContentProblem[];
}

const processors = new Map<boolean, Processor>();

/** The Markdown -> HTML chain, built once per process (per sanitize setting). */
function markdownProcessor(sanitize: boolean): Processor {
  let processor = processors.get(sanitize);
  if (!processor) {
    const chain = unified()
      .use(remarkParse)
      .use(remarkGfm)
      // Raw HTML passes through, as in Jekyll: posts come from the team's own committers.
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw);
    // Blogs that take outside contributions switch on an allowlist (`sanitize: true`).
    if (sanitize) chain.use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "" });
    processor = chain
      .use(rehypeSlug)
      .use(rehypeCheckLinks)
      .use(rehypeCollectHeadings)
      .use(rehypeScrollableBlocks)
      .use(rehypeStringify) as unknown as Processor;
    processors.set(sanitize, processor);
  }
  return processor;
}

const inMemory = new Map<string, Promise<RenderedPost>>();

/**
 * One post's body as HTML. Rendered on first use, then reused: in memory for
 * the life of the process, and on disk across processes and builds.
 */
export function renderPost(post: Post, context: RenderContext): Promise<RenderedPost> {
  const key = createHash("sha1").update(context.fingerprint).update(post.hash).update(post.url).digest("hex");
  let result = inMemory.get(key);
  if (!result) {
    result = (async () => {
      const cached = cacheEnabled() ? readCached<RenderedPost>(key) : undefined;
      if (cached) return cached;
      const rendered = await renderBody(post, context);
      writeCached(key, rendered);
      return rendered;
    })();
    inMemory.set(key, result);
  }
  return result;
}

async function renderBody(post: Post, context: RenderContext): Promise<RenderedPost> {
  const data: LinkCheckData = { renderContext: context, pageUrl: post.url };
  const file = await markdownProcessor(context.config.sanitize).process({ value: post.body, data: data as Record<string, unknown> });
  return {
    html: String(file),
    headings: (file.data.headings as Heading[] | undefined) ?? [],
    problems: file.messages.map((message) => toProblem(message, post)),
  };
}

/** A plugin's VFile message -> a ContentProblem with the line in the post file. */
function toProblem(message: VFileMessage, post: Post): ContentProblem {
  const rule = (message.ruleId && message.ruleId in RULES ? message.ruleId : "liquid/syntax") as RuleId;
  const line = message.line ? post.bodyLine + message.line - 1 : undefined;
  return problem({
    rule,
    file: post.source,
    line,
    column: message.column ?? undefined,
    message: message.reason,
    found: message.actual,
    expected: message.expected?.join(" or "),
    hint: message.note,
  });
}

/** Markdown to HTML without a site around it (tests, excerpts of non-post pages). */
export async function renderMarkdown(markdown: string): Promise<RenderedPost> {
  const file = await markdownProcessor(false).process(markdown);
  return { html: String(file), headings: (file.data.headings as Heading[] | undefined) ?? [], problems: [] };
}
