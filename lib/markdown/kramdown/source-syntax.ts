import type { Element, ElementContent, Root, Text } from "hast";
import { SKIP, visit } from "unist-util-visit";
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

export function kramdownSourceSyntax(markdown: string): KramdownSource {
  const abbreviations = new Map<string, string>();
  if (!markdown.includes("markdown") && !markdown.includes("*[")) return { markdown, originalLine: (line) => line, abbreviations };
  const out: string[] = [];
  const origin: number[] = [];
  const open: { tag: string; depth: number }[] = [];
  let fence: string | undefined;
  let previousBlank = true;
  markdown.split("\n").forEach((input, index) => {
    const push = (text: string) => {
      out.push(text);
      origin.push(index + 1);
    };
    let line = input;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      push(line);
      return;
    }
    // Indented code (after a blank line, outside HTML blocks) is code, not syntax.
    const indentedCode = previousBlank && open.length === 0 && /^( {4}|\t)/.test(line);
    previousBlank = line.trim() === "";
    if (fenceMark) {
      fence = fenceMark;
      push(line);
      return;
    }
    if (indentedCode) {
      push(line);
      return;
    }
    const abbreviation = ABBREVIATION.exec(line);
    if (abbreviation) {
      abbreviations.set(abbreviation[1]!.trim(), abbreviation[2]!.trim());
      push("");
      return;
    }
    const opening = OPEN_TAG.exec(line);
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
