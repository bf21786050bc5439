import { isValidTimezone } from "@/lib/content/dates";
import type { Element } from "hast";
import {
  Context,
  Hash,
  Liquid,
  Tag,
  Tokenizer,
  TypeGuards,
  type Emitter,
  type Parser,
  type TagToken,
  type Template,
  type Token,
  type TopLevelToken,
} from "liquidjs";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { parseArguments } from "./arguments";
import { highlightElement, parseHighlightMarkup, type HighlightOptions } from "./highlight";
import { blockPlaceholder, containerAt, gapPlaceholder, stripContainer, stripPlaceholders } from "./placeholders";
import { siteTags } from "./tags";
import type { LiquidContext, LiquidProblem, TagProblem, TagRenderer } from "./types";

/** Per-call state, kept in a Liquid register: templates cannot read registers. */
export interface RenderState {
  ctx: LiquidContext;
  /** The text being rendered; tokens from other text (includes) get no line padding. */
  source: string;
  blocks: Map<string, Element>;
  /** Ids stay unique even when a block is dropped (a tag inside `{% highlight %}`). */
  nextId: number;
  problems: LiquidProblem[];
  /** While rendering an include: the line of the outermost `{% include %}`. */
  includeLine?: number;
  includeDepth: number;
}

const STATE = "devblog:liquid";
const MAX_INCLUDE_DEPTH = 10;

function stateOf(ctx: Context): RenderState {
  const state = ctx.getRegister<RenderState | undefined>(STATE);
  if (!state) throw new Error("Liquid rendered without renderLiquid()");
  return state;
}

function lineOf(state: RenderState, token: Token): number {
  if (state.includeLine !== undefined) return state.includeLine;
  return token.input === state.source ? (token.getPosition()[0] ?? 1) : 1;
}

function report(state: RenderState, token: Token, problems: readonly TagProblem[] | undefined): void {
  for (const problem of problems ?? []) state.problems.push({ ...problem, line: lineOf(state, token) });
}

function ownsSource(state: RenderState, token: Token): boolean {
  return state.includeLine === undefined && token.input === state.source;
}

/** Stores the element and returns its placeholder, padded to the lines from `begin` to `end`. */
function emitBlock(state: RenderState, element: Element, begin: Token, end: Token = begin): string {
  state.nextId += 1;
  const id = String(state.nextId);
  state.blocks.set(id, element);
  if (!ownsSource(state, begin)) return `<!--liquid-block:${id}-->`;
  return blockPlaceholder(id, state.source, begin.begin, end.end);
}

function emitGap(state: RenderState, begin: Token, end: Token = begin): string {
  return ownsSource(state, begin) ? gapPlaceholder(state.source, begin.begin, end.end) : "";
}

/**
 * Tag markup may hold `{{ page.x }}`; render it in the caller's scope first.
 * A broken one is reported and used as written: its error would point into
 * the markup, not the post, and could not be repaired there.
 */
function* renderMarkup(tag: Tag, ctx: Context): Generator<unknown, string, unknown> {
  const markup = tag.token.args;
  if (!markup.includes("{{")) return markup;
  try {
    return String(yield tag.liquid.renderer.renderTemplates(tag.liquid.parse(markup), ctx));
  } catch (error) {
    const state = stateOf(ctx);
    report(state, tag.token, [{ rule: "liquid/syntax", message: `Liquid error in the tag's arguments: ${errorMessage(error)}`, found: markup.trim() }]);
    return markup;
  }
}

/** Collects the templates up to `end<name>`, as Liquid's own block tags do. */
function readBlock(token: TagToken, remainTokens: TopLevelToken[], parser: Parser): { templates: Template[]; end: TagToken } {
  const templates: Template[] = [];
  for (let next = remainTokens.shift(); next; next = remainTokens.shift()) {
    if (TypeGuards.isTagToken(next) && next.name === `end${token.name}`) return { templates, end: next };
    templates.push(parser.parseToken(next, remainTokens));
  }
  throw new Error(`tag ${token.getText()} not closed`);
}

/** `{% highlight LANG [linenos] %}`: a code block, kept out of Markdown. */
class HighlightTag extends Tag {
  private readonly templates: Template[];
  private readonly end: TagToken;
  private readonly options: HighlightOptions;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    this.options = parseHighlightMarkup(token.args);
    ({ templates: this.templates, end: this.end } = readBlock(token, remainTokens, parser));
  }

  *render(ctx: Context): Generator<unknown, string, unknown> {
    const state = stateOf(ctx);
    // As in Jekyll, the body is Liquid: `{% raw %}` inside keeps `{{ }}` literal.
    // A tag inside the code cannot show as HTML there: drop its placeholder and its block.
    let code = stripPlaceholders(String(yield this.liquid.renderer.renderTemplates(this.templates, ctx)), (id) => state.blocks.delete(id));
    // In a list item or blockquote, the code lines carry the container's indentation or `>`.
    if (ownsSource(state, this.token)) code = stripContainer(code, containerAt(state.source, this.token.begin).prefix);
    report(state, this.token, this.options.problems);
    return emitBlock(state, highlightElement(code, this.options), this.token, this.end);
  }
}

/** `{% comment %}`: renders nothing but keeps the line count. */
class CommentTag extends Tag {
  private end: Token;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.end = token;
    for (let next = remainTokens.shift(); next; next = remainTokens.shift()) {
      if (TypeGuards.isTagToken(next) && next.name === "endcomment") {
        this.end = next;
        return;
      }
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }

  render(ctx: Context): string {
    return emitGap(stateOf(ctx), this.token, this.end);
  }
}

/**
 * A tag no renderer is registered for (`{% gist 123 %}`, `{% seo %}`):
 * renders nothing, and with an `end<name>` after it, nothing for the whole
 * block. The warning comes from findUnknownTags, before rendering, so tags
 * in branches that do not render are reported too.
 */
class UnknownTag extends Tag {
  private end: Token | undefined;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    let depth = 0;
    const index = remainTokens.findIndex((next) => {
      if (!TypeGuards.isTagToken(next)) return false;
      if (next.name === token.name) depth += 1;
      else if (next.name === `end${token.name}`) {
        if (depth === 0) return true;
        depth -= 1;
      }
      return false;
    });
    if (index >= 0) this.end = remainTokens.splice(0, index + 1).at(-1);
  }

  render(ctx: Context): string {
    return emitGap(stateOf(ctx), this.token, this.end);
  }
}

/**
 * What a `{% post_url %}` or `{% link %}` that resolves to nothing renders: `#` where a URL is expected
 * (`](`, `href="`, a reference definition), so the link stays a link; nothing elsewhere, where a `#`
 * at the start of a line would make an empty heading.
 */
function missingUrl(token: Token): string {
  const before = token.input.slice(Math.max(0, token.begin - 40), token.begin);
  return /(?:\(\s*|=\s*["']?|["']|\]:[ \t]*|<)$/.test(before) ? "#" : "";
}

/** `{% post_url NAME %}` and `{% link PATH %}`: a URL path, or missingUrl when it resolves to nothing. */
function urlTag(kind: "post_url" | "link") {
  return class extends Tag {
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const state = stateOf(ctx);
      const target = (yield* renderMarkup(this, ctx)).trim();
      if (!target) {
        report(state, this.token, [{
          rule: "liquid/bad-argument",
          message: `{% ${kind} %} needs a ${kind === "post_url" ? "post name" : "file path"}`,
          expected: kind === "post_url" ? "{% post_url 2016-03-08-some-post %}" : "{% link _posts/2016-03-08-some-post.md %}",
        }]);
        return missingUrl(this.token);
      }
      const url = kind === "post_url" ? state.ctx.postUrl(target) : state.ctx.linkUrl(target);
      // Escaped, as Jekyll returns it: a URL with a space would otherwise break the Markdown link around it.
      // Under the site's baseurl, as since Jekyll 4 (which applies relative_url to both tags).
      if (url !== undefined) return `${siteString(ctx, "baseurl")}${encodeURI(url)}`;
      report(state, this.token, [{
        rule: "liquid/unknown-post",
        message: kind === "post_url" ? `{% post_url %} names a post that does not exist: ${target}` : `{% link %} points to a file that does not exist: ${target}`,
        found: target,
        expected: kind === "post_url" ? "the file name of a post without its extension, e.g. 2016-03-08-some-post" : "a path from the site root, e.g. _posts/2016-03-08-some-post.md",
        hint: "Check the date and the spelling against the file in _posts/.",
      }]);
      return missingUrl(this.token);
    }
  };
}

/**
 * `{% include FILE key="value" key2=variable %}`, Jekyll style: the file's
 * text is rendered as Liquid with `include.key` set. `{% include_relative %}`
 * is the same with a file named relative to the post (a code sample next to it).
 */
function includeTag(kind: "include" | "include_relative") {
  return class IncludeTag extends Tag {
    private readonly file: string;
    private readonly hash: Hash;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      // The name may be a variable (`{{ page.x }}.html`), so it is not read as an expression.
      const match = /^((?:\{\{[\s\S]*?\}\}|\S)+)\s*([\s\S]*)$/.exec(token.args.trim());
      this.file = match?.[1] ?? "";
      this.hash = new Hash(match?.[2] ?? "", true);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = stateOf(ctx);
      const line = lineOf(state, this.token);
      const problem = (rule: LiquidProblem["rule"], message: string, extra: Partial<LiquidProblem> = {}) =>
        state.problems.push({ rule, line, message, ...extra });

      let file = this.file;
      if (file.includes("{{")) {
        try {
          file = String(yield this.liquid.renderer.renderTemplates(this.liquid.parse(file), ctx)).trim();
        } catch (error) {
          return void problem("liquid/syntax", `Liquid error in the include's file name: ${errorMessage(error)}`, { found: file });
        }
      }
      if (!file) return void problem("liquid/bad-argument", `{% ${kind} %} needs a file name`, { expected: `{% ${kind} file.html %}` });

      const found = readIncluded(state.ctx, kind, file);
      if ("problem" in found) return void problem(found.problem.rule, found.problem.message, found.problem);
      const { shown, text } = found;
      if (state.includeDepth >= MAX_INCLUDE_DEPTH) {
        return void problem("liquid/syntax", `{% ${kind} ${file} %} is nested more than ${MAX_INCLUDE_DEPTH} levels deep (an include that includes itself?)`, { found: file });
      }

      let templates: Template[];
      try {
        const prepared = prepare(normalizeRawEnd(text));
        templates = prepared.templates;
        for (const unknown of prepared.unknown) {
          problem("liquid/unknown-tag", `Unknown Liquid tag {% ${unknown.name} %} in ${shown} (renders nothing)`, { found: unknown.name });
        }
      } catch (error) {
        return void problem("liquid/syntax", `Liquid syntax error in ${shown}: ${errorMessage(error)}`, { found: file });
      }

      const params = yield this.hash.render(ctx);
      const outerLine = state.includeLine;
      state.includeLine = line;
      state.includeDepth += 1;
      ctx.push({ include: params });
      try {
        yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
      } catch (error) {
        problem("liquid/syntax", `Liquid error in ${shown}: ${errorMessage(error)}`, { found: file });
      } finally {
        ctx.pop();
        state.includeDepth -= 1;
        state.includeLine = outerLine;
      }
    }
  };
}

/** The text an include names, with the file's path as messages show it, or the problem that it cannot be read. */
function readIncluded(
  ctx: LiquidContext, kind: "include" | "include_relative", file: string,
): { shown: string; text: string } | { problem: Omit<LiquidProblem, "line"> } {
  if (kind === "include") {
    const text = ctx.readInclude(file);
    if (text !== undefined) return { shown: `_includes/${file}`, text };
    return { problem: {
      rule: "liquid/missing-include", message: `{% include %} of a file that does not exist: _includes/${file}`,
      found: file, expected: "a file in _includes/", hint: "Add the file to _includes/ or remove the include.",
    } };
  }
  const relative = ctx.readIncludeRelative(file);
  if (!relative) {
    return { problem: {
      rule: "liquid/bad-argument", message: `{% include_relative ${file} %} leaves the post's folder; as in Jekyll, it cannot use \`..\` or an absolute path`,
      found: file, expected: "a path below the post's folder, e.g. snippets/example.rb", hint: "move the file next to the post, or into _includes/ and use {% include %}",
    } };
  }
  if (relative.text !== undefined) return { shown: relative.path, text: relative.text };
  return { problem: {
    rule: "liquid/missing-include", message: `{% include_relative %} of a file that does not exist: ${relative.path}`,
    found: file, expected: "a file relative to the post's folder (up to 1 MB, not a symbolic link)", hint: "Add the file next to the post or correct the name.",
  } };
}

/** A site tag from the registry, adapted to Liquid: arguments in, placeholder out. */
function siteTag(renderer: TagRenderer) {
  return class extends Tag {
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const state = stateOf(ctx);
      const parsed = parseArguments(yield* renderMarkup(this, ctx));
      const output = renderer(parsed.args, state.ctx);
      report(state, this.token, [...parsed.problems, ...(output.problems ?? [])]);
      return output.element ? emitBlock(state, output.element, this.token) : emitGap(state, this.token);
    }
  };
}

/** Jekyll's URL filters, from `site.url` and `site.baseurl`. */
function siteString(context: Context, key: string): string {
  const site = (context.environments as { site?: Record<string, unknown> }).site;
  const value = site?.[key];
  return typeof value === "string" ? value : "";
}

function relativeUrl(context: Context, input: unknown): string {
  const path = String(input ?? "");
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(path)) return path;
  const base = siteString(context, "baseurl").replace(/\/+$/, "");
  return `${base}/${path.replace(/^\/+/, "")}`;
}

/**
 * One engine per process (per build worker): parsing setup is paid once,
 * each call brings its own scope and register.
 */
export const engine = new Liquid({
  strictVariables: false,
  strictFilters: false,
  jekyllInclude: true,
  ownPropertyOnly: true,
  // Output must not depend on the machine that builds it.
  locale: "en-US",
  timezoneOffset: "UTC",
  // A post's Liquid is code: `{% for i in (1..100000000) %}` ran for minutes and took 2.8 GB before
  // these limits. No real post comes near them (the ePages corpus renders in milliseconds).
  renderLimit: 5_000,
  memoryLimit: 1e7,
});

engine.registerTag("highlight", HighlightTag);
engine.registerTag("comment", CommentTag);
engine.registerTag("include", includeTag("include"));
// jekyll-include-cache's `include_cached` (Minimal Mistakes uses it): the same output as `include`.
engine.registerTag("include_cached", includeTag("include"));
engine.registerTag("include_relative", includeTag("include_relative"));
engine.registerTag("post_url", urlTag("post_url"));
engine.registerTag("link", urlTag("link"));
for (const [name, renderer] of siteTags) engine.registerTag(name, siteTag(renderer));
// Jekyll's `markdownify` (themes pass include parameters through it): Markdown to HTML, GFM as in posts.
const markdownToHtml = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
engine.registerFilter("markdownify", (input: unknown) => String(markdownToHtml.processSync(String(input ?? ""))).trim());
// Jekyll's `smartify` (SmartyPants): typographic quotes, dashes and ellipses.
engine.registerFilter("smartify", (input: unknown) => smartify(String(input ?? "")));
engine.registerFilter("relative_url", function (this: { context: Context }, input: unknown) {
  return relativeUrl(this.context, input);
});
engine.registerFilter("absolute_url", function (this: { context: Context }, input: unknown) {
  const relative = relativeUrl(this.context, input);
  return relative.startsWith("/") ? siteString(this.context, "url").replace(/\/+$/, "") + relative : relative;
});

/** Names registered as UnknownTag: still reported every time they are used. */
const unknownNames = new Set<string>();
/** Parts of a known block, not tags of their own. */
const SUBTAGS = new Set(["else", "elsif", "when"]);

/** Tag tokens whose name no renderer is registered for, outside comments and raw text. */
function findUnknownTags(tokens: TopLevelToken[]): TagToken[] {
  const known = (name: string) => Object.hasOwn(engine.tags, name) && !unknownNames.has(name);
  const unknown: TagToken[] = [];
  const opened = new Set<string>();
  let commentDepth = 0;
  for (const token of tokens) {
    if (!TypeGuards.isTagToken(token)) continue;
    const { name } = token;
    if (name === "comment") commentDepth += 1;
    else if (name === "endcomment") commentDepth = Math.max(0, commentDepth - 1);
    if (commentDepth > 0 || name === "endcomment" || SUBTAGS.has(name)) continue;
    // A stray `{% endif %}` is a syntax error, not an unknown tag.
    if (name.startsWith("end") && (opened.has(name.slice(3)) || known(name.slice(3)))) continue;
    opened.add(name);
    if (!known(name)) unknown.push(token);
  }
  return unknown;
}

/**
 * liquidjs does not see `{%- endraw %}` as the end of a raw block (Ruby
 * Liquid does, and does not trim the raw text for it). Same-length rewrite,
 * so positions and lines stay put.
 */
export function normalizeRawEnd(source: string): string {
  return source.replace(/\{%-(\s*endraw\b)/g, "{% $1");
}

/**
 * `{{ site.baseurl }}{% post_url x %}`, as Jekyll 3 (and GitHub Pages) wants it,
 * gives the same URL as Jekyll 4's `{% post_url x %}`, which adds the baseurl
 * itself: Jekyll 4's upgrade guide has authors drop the prefix, and so does
 * this, so posts written for either version link correctly. Raw blocks are
 * left as written; lines stay put.
 */
export function dropBaseurlBeforeUrlTags(source: string): string {
  if (!source.includes("baseurl")) return source;
  return source
    .split(/(\{%-?\s*raw\s*-?%\}[\s\S]*?(?:\{%-?\s*endraw\s*-?%\}|$))/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\{\{-?[ \t]*site\.baseurl[ \t]*-?\}\}\/?(?=\{%-?[ \t]*(?:post_url|link)[ \t])/g, "")))
    .join("");
}

/**
 * Tokenizes and parses Liquid text, registering a no-op tag for each unknown
 * tag name first (liquidjs would refuse to parse them). Throws liquidjs
 * errors for syntax errors.
 */
export function prepare(source: string): { templates: Template[]; unknown: TagToken[] } {
  const tokens = new Tokenizer(source, engine.options.operators).readTopLevelTokens(engine.options);
  const unknown = findUnknownTags(tokens);
  for (const { name } of unknown) {
    // Identifiers only: `__proto__` and the like stay out of the tag table.
    if (!Object.hasOwn(engine.tags, name) && /^[A-Za-z][\w-]*$/.test(name)) {
      engine.registerTag(name, UnknownTag);
      unknownNames.add(name);
    }
  }
  return { templates: engine.parse(source), unknown };
}

/** A Context for one call: the post's scope, the site's timezone for date filters, and the state register. */
export function createContext(state: RenderState): Context {
  const { site, page } = state.ctx;
  const context = new Context({ site, page }, { ...engine.options, timezoneOffset: siteTimezone(site) }, {}, { liquid: engine });
  context.setRegister(STATE, state);
  return context;
}

function siteTimezone(site: Record<string, unknown>): string {
  const zone = site.timezone;
  // isValidTimezone caches its formatter: building one per post is costly.
  return typeof zone === "string" && zone && isValidTimezone(zone) ? zone : "UTC";
}

/** A liquidjs error's message without the ", line:1, col:2" it appends (we report lines ourselves). */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const original = (error as { originalError?: unknown }).originalError;
  const message = original instanceof Error ? original.message : error.message;
  return message.replace(/(, file:.*?)?, line:\d+, col:\d+$/, "");
}

/** SmartyPants as kramdown applies it to text: "quotes" and 'quotes', -- and ---, and .... */
export function smartify(text: string): string {
  return text
    .replace(/---/g, "—").replace(/--/g, "–").replace(/\.\.\./g, "…")
    .replace(/(^|[\s([{—–-])"/g, "$1“").replace(/"/g, "”")
    .replace(/(^|[\s([{—–-])'/g, "$1‘").replace(/'/g, "’");
}
