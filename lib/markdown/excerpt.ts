import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { fromHtml } from "hast-util-from-html";
import { toString as hastToString } from "hast-util-to-string";
import type { Element } from "hast";
import { Liquid } from "liquidjs";
import { EXIT, SKIP, visit } from "./tree";

const MAX_LENGTH = 300;

/**
 * The most Markdown parsed for one excerpt. Some input takes remark's parser
 * far more than linear time (a paragraph of 1,000 backtick runs of growing
 * length: 6 s), and an excerpt needs only its first 300 characters of text; a
 * cut at this length still leaves room for long link URLs before them. The
 * slowest shapes measured at this length (deep quotes and lists, backtick
 * runs, nested brackets) parse in at most 0.2 s.
 */
const MAX_SOURCE = 8000;

/**
 * A post's excerpt as plain text, for cards, feeds and meta descriptions: as in
 * Jekyll, the text before the `excerpt_separator` when the post has one
 * (e.g. `<!--more-->`), else the first paragraph.
 */
export function excerptOf(body: string, format: "markdown" | "html", separator?: string, scope?: ExcerptScope): string {
  const cut = separator ? body.indexOf(separator) : -1;
  if (cut > 0) {
    const before = withoutLiquidAndCode(body.slice(0, cut), scope).slice(0, MAX_SOURCE);
    // Block by block, so paragraphs keep a space between them.
    const plain = format === "html" ? textOfHtml(before) : fromMarkdown(mathAsCode(before)).children.map((block) => toString(block, { includeHtml: false })).join(" ");
    const text = tidy(plain);
    if (text.length >= 2) return truncate(text);
  }
  return format === "html" ? excerptFromHtml(body, scope) : excerptFromMarkdown(body, scope);
}

/** `{{ site.* }}` and `{{ page.* }}` for the excerpt's Liquid output, as in Jekyll, which renders excerpts like posts. */
export interface ExcerptScope {
  site: Record<string, unknown>;
  page: Record<string, unknown>;
}

// Outputs only (`{{ page.title | upcase }}`): tags that need the site (post_url, include) are left out of excerpts.
// One engine per timezone, which date filters print in, as in the post body.
const outputEngines = new Map<string, Liquid>();

function outputEngine(timezone: unknown): Liquid {
  const zone = typeof timezone === "string" && timezone ? timezone : "UTC";
  let engine = outputEngines.get(zone);
  if (!engine) {
    engine = new Liquid({ strictVariables: false, strictFilters: false, ownPropertyOnly: true, renderLimit: 1_000, memoryLimit: 1e6, timezoneOffset: zone });
    outputEngines.set(zone, engine);
  }
  return engine;
}

function renderOutput(markup: string, scope: ExcerptScope | undefined): string {
  if (!scope) return "";
  try {
    return outputEngine(scope.site.timezone).parseAndRenderSync(markup, scope);
  } catch {
    return "";
  }
}

/** The first paragraph of an HTML post (`<p>...</p>`), as plain text. */
function excerptFromHtml(body: string, scope?: ExcerptScope): string {
  let found = "";
  visit(fromHtml(withoutLiquidAndCode(body, scope), { fragment: true }), "element", (node: Element) => {
    if (node.tagName !== "p") return undefined;
    const text = tidy(hastToString(node));
    if (text.length < 2) return SKIP;
    found = truncate(text);
    return EXIT;
  });
  return found;
}

function textOfHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, "element", (node: Element, index, parent) => {
    if ((node.tagName === "script" || node.tagName === "style") && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return hastToString(tree);
}

function tidy(text: string): string {
  return text.replace(/\{:[^}]*\}/g, "").replace(/\s+/g, " ").trim();
}

function withoutLiquidAndCode(body: string, scope?: ExcerptScope): string {
  return body
    // Liquid blocks whose content is not prose.
    .replace(/{%-?\s*(highlight|comment|raw)\b[\s\S]*?{%-?\s*end\1\s*-?%}/g, "\n\n")
    .replace(/{%[\s\S]*?%}/g, "")
    .replace(/{{[\s\S]*?}}/g, (markup) => renderOutput(markup, scope))
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, "\n\n");
}

/**
 * The first real paragraph of a post as plain text. Reads the Markdown source
 * directly: list pages need the excerpt, not the post's HTML, so nothing is
 * rendered here.
 */
export function excerptFromMarkdown(body: string, scope?: ExcerptScope): string {
  const source = withoutLiquidAndCode(body, scope);
  for (const block of source.split(/\n[ \t]*\n/)) {
    const text = block.trim();
    if (!text || !looksLikeParagraph(text)) continue;
    // Footnote references (`[^1]`) point to notes the excerpt does not have.
    const plain = tidy(toString(fromMarkdown(mathAsCode(text.slice(0, MAX_SOURCE)).replace(/\[\^[^\]\s]+\]/g, "")), { includeHtml: false }));
    if (plain.length >= 2) return truncate(plain);
  }
  return "";
}

/** `$$e^{i\pi}$$` -> its TeX as code, so plain text shows the formula without dollars and Markdown leaves its `_` and `*` alone. */
function mathAsCode(text: string): string {
  return text.replace(/\$\$([^`]+?)\$\$/g, (_, tex: string) => `\`${tex.trim()}\``);
}

function looksLikeParagraph(block: string): boolean {
  if (/^(#|<|\||>|[-*+]\s|\d+[.)]\s|\[\^|\{:|!\[[^\]]*\]\([^)]*\)\s*$|\s{4}|-{3,}|\*{3,}|={3,})/.test(block)) return false;
  return true;
}

function truncate(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.slice(0, MAX_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_LENGTH - 40)).replace(/[\s,;:.]+$/, "")}…`;
}
