import type { Element, ElementContent, Root, Text } from "hast";
import { SKIP, visit } from "../tree";
import type { VFile } from "vfile";

/**
 * kramdown syntax that CommonMark cannot see once the text is parsed, handled
 * on the source text before remark runs:
 *
 * - `markdown="1"` (or `block`, `span`) on an HTML block: kramdown reads the
 *   inside as Markdown, CommonMark as HTML. The attribute is dropped and a
 *   blank line goes after the opening tag and before the closing one, which
 *   makes CommonMark parse the inside as Markdown too.
 * - Abbreviation definitions `*[HTML]: Hyper Text Markup Language`: removed
 *   from the text (their lines stay, empty) and returned, for rehypeAbbreviations.
 * - Definition lists (`Term` lines, then `: definition` lines) become `<dl>`
 *   HTML with the term and definition texts left as Markdown inside.
 * - An HTML block (`<iframe ...></iframe>`, `<div>...</div>`) ends at its
 *   closing tag in kramdown, so a line of text right after it is Markdown;
 *   CommonMark runs the block on to the next blank line and prints that text
 *   as it is (backticks and all). A blank line goes in between. And the other
 *   way round: a blank line inside the element does not end it in kramdown
 *   (a `<table>` with blank lines between rows); there an empty comment goes in.
 *
 * Code (fenced or indented) is left alone. Inserted lines are accounted for:
 * `originalLine` maps a line of the result back to the line of the input.
 */
export interface KramdownSource {
  markdown: string;
  originalLine: (line: number) => number;
  abbreviations: Map<string, string>;
}

const OPEN_TAG = /^( {0,3})<([A-Za-z][\w-]*)(\s[^>]*?)?\s+markdown\s*=\s*(["']?)(?:1|block|span)\4(\s[^>]*)?>(.*)$/;
const ABBREVIATION = /^ {0,3}\*\[([^\]\n]+)\]:[ \t]*(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** CommonMark's block-level HTML tags (its HTML block type 6), whose blocks run on to a blank line. */
const BLOCK_TAGS = new Set(("address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt " +
  "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem " +
  "nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul").split(" "));
const VOID_TAGS = new Set(["base", "basefont", "col", "frame", "hr", "link", "param", "track"]);
const HTML_BLOCK_START = /^ {0,3}<([A-Za-z][\w-]*)(?=[\s/>]|$)/;
/** A line that opens a block-level HTML element and does not close it: it may hold blank lines, which kramdown reads through. */
const BLOCK_HTML_LINE = new RegExp(`^ {0,3}<(?:${[...BLOCK_TAGS].filter((tag) => !VOID_TAGS.has(tag)).join("|")})(?=[\\s>])(?![^\\n]*</)`, "im");
/** A closing tag at the end of a line, then a line of text: the case where kramdown and CommonMark differ. */
const TEXT_AFTER_CLOSING_TAG = /<\/[A-Za-z][\w-]*>[ \t]*\n[ \t]*[^\s<]/;

/** The text as it is: for HTML posts, and Markdown without any of this syntax. */
export function unchangedSource(markdown: string): KramdownSource {
  return { markdown, originalLine: (line) => line, abbreviations: new Map() };
}

/**
 * `parseBlockHtml`: _config.yml's `kramdown: { parse_block_html: true }`,
 * which reads the inside of every HTML block as Markdown, as if each had
 * `markdown="1"`.
 */
export function kramdownSourceSyntax(markdown: string, { parseBlockHtml = false }: { parseBlockHtml?: boolean } = {}): KramdownSource {
  const anyHtml = parseBlockHtml && markdown.includes("<");
  if (!anyHtml && !markdown.includes("markdown") && !markdown.includes("*[") && !/\n: /.test(markdown) && !TEXT_AFTER_CLOSING_TAG.test(markdown) && !BLOCK_HTML_LINE.test(markdown)) {
    return unchangedSource(markdown);
  }
  const abbreviations = new Map<string, string>();
  const out: string[] = [];
  const origin: number[] = [];
  const open: { tag: string; depth: number }[] = [];
  let fence: string | undefined;
  /** A top-level HTML block being read: its tag, how many of them are open, and the line it closes on (once a blank line asked). */
  let htmlBlock: { tag: string; depth: number; closesAt?: number } | undefined;
  let htmlBlockClosed = false;
  let previousBlank = true;
  let consumedUntil = -1;
  const lines = markdown.split("\n");
  lines.forEach((input, index) => {
    if (index <= consumedUntil) return;
    const push = (text: string, from = index) => {
      out.push(text);
      origin.push(from + 1);
    };
    let line = input;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      push(line);
      return;
    }
    const atBlockStart = previousBlank && open.length === 0;
    previousBlank = line.trim() === "";
    // Text right after an HTML block's closing line starts a paragraph, as in kramdown.
    if (htmlBlockClosed && !previousBlank && !/^ {0,3}</.test(line)) push("");
    htmlBlockClosed = false;
    // Block-level HTML starts a block even right under a paragraph line, in CommonMark and kramdown alike.
    if (!htmlBlock && !previousBlank && !parseBlockHtml && open.length === 0) {
      const tag = HTML_BLOCK_START.exec(line)?.[1]?.toLowerCase();
      if (tag && BLOCK_TAGS.has(tag) && !OPEN_TAG.test(line)) htmlBlock = { tag, depth: 0 };
      // A void element (`<hr>`) has no closing tag: its line is the whole block.
      if (tag && VOID_TAGS.has(tag)) {
        htmlBlock = undefined;
        htmlBlockClosed = /^ {0,3}<[^>]*>\s*$/.test(line);
      }
    }
    if (htmlBlock) {
      if (previousBlank) {
        // kramdown reads an HTML element to its closing tag, blank lines and all (a <table> with a blank
        // line between rows, indented cells); CommonMark would end the block here and print the rest as
        // code. An empty comment keeps the line non-blank, and the block open, when the element closes later.
        // Looked up once per block, so a long table with many blank lines is scanned once.
        htmlBlock.closesAt ??= closingLine(lines, index, htmlBlock) ?? -1;
        if (htmlBlock.closesAt > index) {
          push("<!-- -->");
          previousBlank = false;
          return;
        }
        htmlBlock = undefined;
      } else {
        let closedAtEnd = false;
        for (const { change, end } of elementTags(line, htmlBlock.tag)) {
          htmlBlock.depth += change;
          closedAtEnd = htmlBlock.depth <= 0 && line.slice(end).trim() === "";
        }
        if (htmlBlock.depth <= 0) {
          htmlBlockClosed = closedAtEnd;
          htmlBlock = undefined;
        }
      }
    }
    // Indented code (after a blank line, outside HTML blocks) is code, not syntax.
    const indentedCode = atBlockStart && /^( {4}|\t)/.test(line);
    if (fenceMark) {
      fence = fenceMark;
      push(line);
      return;
    }
    if (indentedCode) {
      push(line);
      return;
    }
    const list = atBlockStart ? definitionList(lines, index) : undefined;
    if (list) {
      push("<dl>");
      for (const item of list.items) {
        for (const [tag, parts] of [["dt", item.terms], ...item.definitions.map((d) => ["dd", d] as const)] as const) {
          // Blank lines around the text make CommonMark read it as Markdown inside the HTML element.
          push(`<${tag}>`, parts[0]!.line);
          push("", parts[0]!.line);
          for (const part of parts) push(part.text, part.line);
          push("", parts.at(-1)!.line);
          push(`</${tag}>`, parts.at(-1)!.line);
        }
      }
      push("</dl>", list.end);
      consumedUntil = list.end;
      previousBlank = false;
      return;
    }
    const abbreviation = ABBREVIATION.exec(line);
    if (abbreviation) {
      abbreviations.set(abbreviation[1]!.trim(), abbreviation[2]!.trim());
      push("");
      return;
    }
    const opening = OPEN_TAG.exec(line) ?? (parseBlockHtml && atBlockStart ? blockOpening(line) : null);
    if (opening) {
      const [, indent = "", tag = "", before = "", , after = "", rest = ""] = opening;
      push(`${indent}<${tag}${before}${after}>`);
      push("");
      open.push({ tag: tag.toLowerCase(), depth: 1 });
      line = rest;
      if (line.trim() === "") return;
    }
    const current = open.at(-1);
    if (current) {
      // The matching closing tag, counting nested elements of the same name.
      const tags = new RegExp(`<(/?)${current.tag}(?=[\\s>/])[^>]*>`, "gi");
      for (let match = tags.exec(line); match; match = tags.exec(line)) {
        if (!match[1]) {
          current.depth++;
          continue;
        }
        if (--current.depth > 0) continue;
        const inside = line.slice(0, match.index);
        if (inside.trim() !== "") push(inside);
        push("");
        push(line.slice(match.index));
        open.pop();
        return;
      }
    }
    push(line);
  });
  return { markdown: out.join("\n"), originalLine: (line) => origin[line - 1] ?? line, abbreviations };
}

/** The opening (+1) and closing (-1) tags of an element on a line, self-closing ones left out, with where each ends. */
function* elementTags(line: string, tag: string): Generator<{ change: 1 | -1; end: number }> {
  const tags = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, "gi");
  for (let match = tags.exec(line); match; match = tags.exec(line)) {
    if (!/\/>$/.test(match[0])) yield { change: match[1] ? -1 : 1, end: match.index + match[0].length };
  }
}

/** The index of the line after `from` on which the open HTML block's element closes, if one does. */
function closingLine(lines: readonly string[], from: number, block: { tag: string; depth: number }): number | undefined {
  let depth = block.depth;
  for (let index = from + 1; index < lines.length; index++) {
    for (const { change } of elementTags(lines[index]!, block.tag)) {
      depth += change;
      if (depth <= 0) return index;
    }
  }
  return undefined;
}

/** Tags whose inside is never Markdown, with parse_block_html too. */
const LITERAL_TAGS = new Set(["pre", "script", "style", "textarea"]);

/**
 * A block-level opening tag at the start of a line, in OPEN_TAG's match shape
 * (indent, tag, attributes, quote, more attributes, rest of the line), for
 * parse_block_html; null for void and literal elements and for `markdown="0"`.
 */
function blockOpening(line: string): RegExpExecArray | null {
  const match = /^( {0,3})<([A-Za-z][\w-]*)((?:\s[^>]*?)?)()()\s*>(.*)$/.exec(line);
  const tag = match?.[2]?.toLowerCase();
  if (!match || !tag || !BLOCK_TAGS.has(tag) || VOID_TAGS.has(tag) || LITERAL_TAGS.has(tag)) return null;
  if (/\bmarkdown\s*=\s*["']?0/.test(match[3] ?? "") || match[3]?.endsWith("/")) return null;
  return match;
}

interface SourcePart {
  text: string;
  /** 0-based index of the source line. */
  line: number;
}

/**
 * kramdown's definition list at `start`: term lines, then definitions that
 * start with `: ` (continued by the lines after them), items separated by at
 * most one blank line. Undefined when the block there is not one.
 */
function definitionList(lines: readonly string[], start: number): { items: { terms: SourcePart[]; definitions: SourcePart[][] }[]; end: number } | undefined {
  const items: { terms: SourcePart[]; definitions: SourcePart[][] }[] = [];
  let index = start;
  let end = -1;
  for (;;) {
    const terms: SourcePart[] = [];
    while (index < lines.length && isTermLine(lines[index]!) && terms.length < 5) terms.push({ text: lines[index]!, line: index++ });
    if (terms.length === 0 || index >= lines.length || !DEFINITION.test(lines[index]!)) break;
    const definitions: SourcePart[][] = [];
    while (index < lines.length && lines[index]!.trim() !== "") {
      const line = lines[index]!;
      if (DEFINITION.test(line)) definitions.push([{ text: line.replace(DEFINITION, ""), line: index }]);
      else definitions.at(-1)!.push({ text: line, line: index });
      index++;
    }
    items.push({ terms, definitions });
    end = index - 1;
    // One blank line may separate items.
    if (index + 1 < lines.length && lines[index]?.trim() === "" && isTermLine(lines[index + 1]!)) index++;
    else break;
  }
  return items.length > 0 ? { items, end } : undefined;
}

const DEFINITION = /^ {0,3}: +/;

/** A line that can be a definition term: text, not block syntax (lists, headings, quotes, HTML, tables). */
function isTermLine(line: string): boolean {
  return line.trim() !== "" && !DEFINITION.test(line) && !/^ {0,3}([-*+]\s|[>#|<]|\d+[.)]\s|```|~~~|\{:|\*\[)/.test(line) && !/^( {4}|\t)/.test(line);
}

/** Elements whose text is not prose: no abbreviation marks inside them. */
const NOT_PROSE = new Set(["code", "pre", "kbd", "samp", "script", "style", "abbr", "a", "svg", "math"]);

/**
 * kramdown's abbreviations: each use of a defined abbreviation in the text
 * becomes `<abbr title="...">`. The definitions come from kramdownSourceSyntax
 * through `file.data.abbreviations`.
 */
export function rehypeAbbreviations() {
  return (tree: Root, file: VFile) => {
    const abbreviations = (file.data as { abbreviations?: Map<string, string> }).abbreviations;
    if (!abbreviations || abbreviations.size === 0) return;
    const names = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join("|")})(?![\\p{L}\\p{N}_])`, "gu");
    visit(tree, (node, index, parent) => {
      if (node.type === "element" && NOT_PROSE.has((node as Element).tagName)) return SKIP;
      if (node.type !== "text" || !parent || index === undefined) return undefined;
      const { value } = node as Text;
      const parts: ElementContent[] = [];
      let last = 0;
      for (const match of value.matchAll(pattern)) {
        if (match.index > last) parts.push({ type: "text", value: value.slice(last, match.index) });
        const title = abbreviations.get(match[0]) ?? "";
        parts.push({ type: "element", tagName: "abbr", properties: title ? { title } : {}, children: [{ type: "text", value: match[0] }] });
        last = match.index + match[0].length;
      }
      if (parts.length === 0) return undefined;
      if (last < value.length) parts.push({ type: "text", value: value.slice(last) });
      (parent.children as ElementContent[]).splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}
