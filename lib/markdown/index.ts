import "server-only";
import { createHash } from "node:crypto";
import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeParse from "rehype-parse";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import type { Element, Root } from "hast";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { liquidTime } from "@/lib/content/dates";
import { relativeIncludePath } from "@/lib/content/paths";
import type { Post, PostFormat } from "@/lib/content/post";
import { problem, RULES, type ContentProblem, type RuleId } from "@/lib/content/problems";
import { readCached, writeCached } from "@/lib/cache";
import type { RenderContext } from "./context";
import { rehypeKramdownFootnotes, rehypeKramdownToc, rehypeStrayAttributeLists, remarkKramdownAttributes } from "./kramdown";
import { kramdownSourceSyntax, rehypeAbbreviations, unchangedSource } from "./kramdown/source-syntax";
import { rehypeLiquidBlocks, renderLiquid, type LiquidContext } from "./liquid";
import { rehypeCallouts } from "./plugins/callouts";
import { rehypeCheckLinks, type LinkCheckData } from "./plugins/check-links";
import { rehypeCollectHeadings, type Heading } from "./plugins/collect-headings";
import { remarkGfmLiteralLinksWhenPresent } from "./plugins/gfm-literal-links";
import { rehypeHighlightCode } from "./plugins/highlight-code";
import { rehypeMath } from "./plugins/math";
import { rehypeRawWhenNeeded } from "./plugins/raw-html";
import { rehypeScrollableBlocks } from "./plugins/scrollable-blocks";
import { rehypeSlugHeadings } from "./plugins/slug-headings";
import { remarkUnclosedComment } from "./plugins/unclosed-comment";
import { findDeepNesting, MAX_NESTING } from "./nesting";

export type { Heading, RenderContext };

export interface RenderedPost {
  html: string;
  /** h2-h4 with their ids, for the table of contents. */
  headings: Heading[];
  /** Problems found while rendering (Liquid, links, images), with file lines. */
  problems: ContentProblem[];
  /** The body could not be rendered: `html` is its source as plain text, and a problem says why. */
  failed?: boolean;
}

const processors = new Map<string, Processor>();

/** GitHub's allowlist, plus what the pipeline itself leaves for later steps: Liquid placeholders (comments) and the {:toc} marker. */
const SANITIZE_SCHEMA = {
  ...defaultSchema,
  allowComments: true,
  clobberPrefix: "",
  tagNames: [...(defaultSchema.tagNames ?? []), "nav"],
  attributes: { ...defaultSchema.attributes, nav: ["dataKramdownToc", "ariaLabel", "className"] },
};

/**
 * The post -> HTML chain, built once per process (per format and sanitize setting).
 * Markdown goes through remark; `.html` posts are parsed as HTML, as Jekyll publishes
 * them without Markdown conversion. Both then share the same HTML steps.
 */
function markdownProcessor(sanitize: boolean, format: PostFormat = "markdown", purpose: Purpose = "page"): Processor {
  const key = `${format}:${sanitize}:${purpose}`;
  let processor = processors.get(key);
  if (!processor) {
    const chain: Processor = format === "html"
      ? (unified().use(rehypeParse, { fragment: true }) as unknown as Processor)
      : (unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkGfmLiteralLinksWhenPresent)
        // kramdown's math: `$$` only, so prices such as $5 and $10 stay text.
        .use(remarkMath, { singleDollarTextMath: false })
        // kramdown's attribute lists ({:target="_blank"}, {: .class}), {#id} and {:toc}.
        .use(remarkKramdownAttributes)
        .use(remarkUnclosedComment)
        // Raw HTML passes through, as in Jekyll: posts come from the team's own committers.
        .use(remarkRehype, { allowDangerousHtml: true }) as unknown as Processor);
    if (sanitize) {
      // Blogs that take outside contributions switch on an allowlist (`sanitize: true`). It applies to
      // what authors wrote, before the blog's own output (Liquid tags, the {:toc} list) goes in.
      if (format === "markdown") chain.use(rehypeRaw);
      chain.use(rehypeSanitize, SANITIZE_SCHEMA);
    } else if (format === "markdown") {
      chain.use(rehypeRawWhenNeeded);
    }
    // Final HTML of Liquid tags (code, figures, embeds), swapped in for their placeholders.
    chain.use(() => (tree: Root, file: VFile) => rehypeLiquidBlocks({ blocks: (file.data as RenderData).liquidBlocks ?? new Map() })(tree));
    chain.use(rehypeMath);
    chain.use(rehypeSlugHeadings).use(rehypeKramdownFootnotes).use(rehypeKramdownToc).use(rehypeStrayAttributeLists);
    if (purpose === "page") chain.use(rehypeAbbreviations).use(rehypeCallouts);
    // Highlighting finds no problems: a check that only reports them skips it (with the HTML output
    // also left out, `npm run check` on the ePages corpus went from 5.4 s to 3.5 s).
    if (purpose === "page") chain.use(rehypeHighlightCode);
    chain.use(rehypeCheckLinks).use(rehypeCollectHeadings);
    if (purpose === "page") chain.use(rehypeScrollableBlocks);
    processor = chain.use(rehypeStringify) as unknown as Processor;
    processors.set(key, processor);
  }
  return processor;
}

// Recently rendered posts, so a page and a feed in one process do not read the disk twice.
// Bounded: a build's worker renders thousands of posts once each, and holding them all only feeds the GC.
const inMemory = new Map<string, Promise<RenderedPost>>();
const IN_MEMORY_LIMIT = 256;

/**
 * One post's body as HTML. Rendered on first use, then reused: in memory for
 * the life of the process, and on disk across processes and builds.
 */
export function renderPost(post: Post, context: RenderContext): Promise<RenderedPost> {
  const key = renderKey(post, context);
  let result = inMemory.get(key);
  if (!result) {
    result = (async () => {
      const cached = readCached<RenderedPost>("render", key);
      if (cached) return cached;
      const rendered = await renderBody(post, context).catch((error: unknown) => unrenderable(post, error));
      if (!rendered.failed) writeCached("render", key, rendered);
      return rendered;
    })();
    inMemory.set(key, result);
    if (inMemory.size > IN_MEMORY_LIMIT) inMemory.delete(inMemory.keys().next().value!);
  }
  return result;
}

/** The file's text, plus what comes from outside it: its name (slug, date), URL, the site (fingerprint), and other posts when it lists them. */
function renderKey(post: Post, context: RenderContext): string {
  return createHash("sha1")
    .update(context.fingerprint)
    .update(`${post.hash}\0${post.source}\0${post.url}\0${post.date.toISOString()}\0${post.slug}`)
    .update(post.readsOtherPosts ? context.otherPosts().signature : "")
    .digest("hex");
}

/**
 * The problems rendering a post finds (Liquid, links, anchors, images), for
 * `npm run check`: taken from the render cache when the post is there, else
 * found by the same chain without highlighting or HTML output (and cached apart).
 */
export async function checkPostBody(post: Post, context: RenderContext): Promise<ContentProblem[]> {
  const cached = cachedProblems(post, context, "check");
  if (cached) return cached;
  const { problems, failed } = await renderBody(post, context, "check").catch((error: unknown) => unrenderable(post, error));
  if (!failed) writeCached("check", renderKey(post, context), { html: "", headings: [], problems } satisfies RenderedPost);
  return problems;
}

/**
 * The problems of a post already in the cache: from a rendered page (`page`),
 * or from a rendered page or an earlier check (`check`). Undefined when the
 * post has to be rendered.
 */
export function cachedProblems(post: Post, context: RenderContext, purpose: Purpose): ContentProblem[] | undefined {
  const key = renderKey(post, context);
  const cached = readCached<RenderedPost>("render", key) ?? (purpose === "check" ? readCached<RenderedPost>("check", key) : undefined);
  return cached?.problems;
}

/** A page's HTML, or only the problems (`check`: no highlighting, no HTML written out). */
export type Purpose = "page" | "check";

interface RenderData extends LinkCheckData {
  liquidBlocks?: Map<string, Element>;
  abbreviations?: Map<string, string>;
}

/** As in Jekyll: Liquid first, then Markdown. */
async function renderBody(post: Post, context: RenderContext, purpose: Purpose = "page"): Promise<RenderedPost> {
  // `render_with_liquid: false` (Jekyll 4): the body's `{{`/`{%` are text, as written.
  const liquid = post.data.render_with_liquid === false
    ? { markdown: post.body, originalLine: (line: number) => line, blocks: new Map<string, Element>(), problems: [] }
    : await renderLiquid(post.body, liquidContext(post, context));
  // Before anything parses the Markdown (kramdown's markdown="1" blocks are parsed on their own).
  const deep = post.format === "markdown" ? findDeepNesting(liquid.markdown) : undefined;
  if (deep) {
    return unrenderable(post, undefined, problem({
      rule: "markdown/too-deep",
      file: post.source,
      // Liquid keeps the body's line count: a tag's placeholder spans as many lines as the tag did.
      line: post.bodyLine + liquid.originalLine(deep.line) - 1,
      message: `Lists or blockquotes nest ${deep.depth} levels deep here; the post is not rendered`,
      found: `${deep.depth} levels`,
      expected: `at most ${MAX_NESTING} levels of nested lists and blockquotes`,
      hint: "flatten the nesting (Markdown this deep takes minutes to parse)",
    }));
  }
  // kramdown's markdown="1" blocks and abbreviations, which need the source text.
  const source = post.format === "markdown"
    ? kramdownSourceSyntax(liquid.markdown, { parseBlockHtml: parsesBlockHtml(context.config.raw) })
    : unchangedSource(liquid.markdown);
  const data: RenderData = { renderContext: context, pageUrl: post.url, liquidBlocks: liquid.blocks, abbreviations: source.abbreviations };
  const processor = markdownProcessor(context.config.sanitize, post.format, purpose);
  const file = new VFile({ value: source.markdown, data: data as Record<string, unknown> });
  if (purpose === "page") file.value = String(await processor.process(file));
  else await processor.run(processor.parse(file), file);
  const liquidProblems = liquid.problems.map((p) =>
    problem({ rule: p.rule, file: post.source, line: post.bodyLine + p.line - 1, message: p.message, found: p.found, expected: p.expected, hint: p.hint }),
  );
  return {
    html: purpose === "page" ? String(file.value) : "",
    headings: (file.data.headings as Heading[] | undefined) ?? [],
    problems: [...liquidProblems, ...file.messages.map((message) => toProblem(message, post, (line) => liquid.originalLine(source.originalLine(line))))],
  };
}

/**
 * A post whose body cannot be rendered: its source is kept as plain text, so
 * nothing is lost, and a problem that blocks the build names the file and the
 * cause. Rendering should not throw on any input; this keeps one post's failure
 * (e.g. HTML nested thousands of levels deep overflows the stack of the HTML
 * tree tools) from stopping the check or the dev server with a bare stack trace.
 */
function unrenderable(post: Post, error: unknown, reason?: ContentProblem): RenderedPost {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
  reason ??= problem({
    rule: "markdown/render-failed",
    file: post.source,
    line: post.bodyLine,
    message: "The post body could not be rendered",
    found: cause,
    expected: "Markdown or HTML the renderer can turn into a page",
    hint: tooDeep ? "the body nests elements too deeply (thousands of levels of HTML tags, lists or quotes); flatten it" : "simplify the part of the body the error points to, or report the error with this post",
  });
  return { html: `<pre class="render-failed">${escapeHtml(bodyIfReadable(post))}</pre>`, headings: [], problems: [reason], failed: true };
}

/** The body, or nothing when it cannot be read (its file changed since the content was loaded: the error says so). */
function bodyIfReadable(post: Post): string {
  try {
    return post.body;
  } catch {
    return "";
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `{{ site.* }}` and `{{ page.* }}` as Jekyll provides them, plus the site's resolvers. */
function liquidContext(post: Post, context: RenderContext): LiquidContext {
  const { config } = context;
  const site: Record<string, unknown> = {
    ...config.raw, title: config.title, description: config.description, url: config.url, baseurl: config.baseurl, timezone: config.timezone, data: context.data,
  };
  const page: Record<string, unknown> = {
    ...post.data,
    title: post.title,
    date: liquidTime(post.date, config.timezone),
    url: post.url,
    slug: post.slug,
    categories: post.categories.map((c) => c.raw),
    tags: post.tags.map((t) => t.name),
    excerpt: post.excerpt,
    path: post.source,
    id: post.url.replace(/\/$/, ""),
  };
  // Other posts, built only for the posts that read them (see Post.readsOtherPosts, which keys their cache).
  const lazily = (target: Record<string, unknown>, key: string, value: () => unknown) =>
    Object.defineProperty(target, key, { get: value, enumerable: true, configurable: true });
  const others = () => context.otherPosts();
  lazily(site, "posts", () => others().posts);
  lazily(site, "categories", () => others().categories);
  lazily(site, "tags", () => others().tags);
  // Jekyll's related_posts without lsi: the ten newest other posts.
  lazily(site, "related_posts", () => others().posts.filter((p) => p.path !== post.source).slice(0, 10));
  const at = () => others().indexOf.get(post.source);
  lazily(page, "previous", () => { const i = at(); return i === undefined ? undefined : others().posts[i + 1]; });
  lazily(page, "next", () => { const i = at(); return i === undefined || i === 0 ? undefined : others().posts[i - 1]; });
  return {
    site,
    page,
    postUrl: context.postUrl,
    linkUrl: context.linkUrl,
    readInclude: context.readInclude,
    readIncludeRelative: (name) => {
      const path = relativeIncludePath(post.source, name);
      return path === undefined ? undefined : { path, text: context.readRelativeInclude(path) };
    },
    asset: context.asset,
  };
}

/** A plugin's VFile message -> a ContentProblem with the line in the post file. */
function toProblem(message: VFileMessage, post: Post, originalLine: (line: number) => number): ContentProblem {
  const rule = (message.ruleId && message.ruleId in RULES ? message.ruleId : "kramdown/extension") as RuleId;
  const line = message.line ? post.bodyLine + originalLine(message.line) - 1 : undefined;
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

/** `kramdown: { parse_block_html: true }` in _config.yml. */
function parsesBlockHtml(raw: Record<string, unknown>): boolean {
  const kramdown = raw.kramdown;
  return typeof kramdown === "object" && kramdown !== null && (kramdown as Record<string, unknown>).parse_block_html === true;
}

/** Markdown to HTML without a site around it (no Liquid, no link checks): for tests of the chain. */
export async function renderMarkdown(markdown: string, options: { parseBlockHtml?: boolean } = {}): Promise<RenderedPost> {
  const source = kramdownSourceSyntax(markdown, options);
  const file = await markdownProcessor(false).process({ value: source.markdown, data: { abbreviations: source.abbreviations } });
  return { html: String(file), headings: (file.data.headings as Heading[] | undefined) ?? [], problems: [] };
}
