import type { Html, Nodes, Paragraph, Parents, Root, RootContent, Text } from "mdast";
import { visit } from "../tree";
import type { KramdownContext } from "./apply";
import { joinLines, splitLines, type LineGroup } from "./lines";
import { report } from "./rules";

/**
 * kramdown extensions: `{::comment}...{:/comment}` and `{::options ... /}`
 * are removed, `{::nomarkdown}...{:/nomarkdown}` is passed through as raw
 * HTML. The closing tag may also be written `{:/}`.
 */
export function removeExtensions(tree: Root, context: KramdownContext): void {
  const ranges = findBlockExtensions(tree, context);
  if (ranges.length > 0) pruneParent(tree, ranges, context);
  removeSpanExtensions(tree, context);
}

interface LineRange {
  name: string;
  /** First and last line, markers included. */
  start: number;
  end: number;
  /** Raw HTML for `{::nomarkdown}`, inserted where the range was. */
  html?: string;
  inserted?: boolean;
}

const BLOCK_START = /^[ \t]*\{::(\w+)\b((?:"[^"\n]*"|'[^'\n]*'|[^}"'\n])*?)\}[ \t]*$/;
const BLOCK_END = /^[ \t]*\{:\/(\w*)\}[ \t]*$/;

/** Block extensions are line based (a tag alone on its line), so they are found in the source, skipping code. */
function findBlockExtensions(tree: Root, context: KramdownContext): LineRange[] {
  const lines = context.source?.lines;
  if (!lines) return [];
  const inCode = new Set<number>();
  visit(tree, "code", (code) => {
    const { start, end } = code.position ?? {};
    if (start && end) for (let line = start.line; line <= end.line; line++) inCode.add(line);
  });

  const ranges: LineRange[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const open = inCode.has(line) ? null : BLOCK_START.exec(lines[index] ?? "");
    const name = open?.[1];
    if (!open || !name) continue;
    const at = { start: { line, column: 1 }, end: { line, column: (lines[index] ?? "").length + 1 } };
    if (/\/\s*$/.test(open[2] ?? "")) {
      // Self-closing: `{::options key="value" /}` or `{::comment /}`.
      if (name === "options") report(context.file, "Ignored `{::options ... /}`: kramdown parser options do not apply to this blog's Markdown", { type: "text", position: at }, "kramdown/extension");
      ranges.push({ name, start: line, end: line });
      continue;
    }
    if (name !== "comment" && name !== "nomarkdown") continue;
    let close = index + 1;
    while (close < lines.length && !(isClosing(lines[close] ?? "", name) && !inCode.has(close + 1))) close++;
    if (close >= lines.length) {
      report(context.file, `\`{::${name}}\` is never closed with \`{:/${name}}\`; only the opening tag was removed`, { type: "text", position: at }, "kramdown/unclosed-extension");
      ranges.push({ name, start: line, end: line });
      continue;
    }
    const range: LineRange = { name, start: line, end: close + 1 };
    if (name === "nomarkdown") {
      if (context.nomarkdown === "raw") range.html = lines.slice(index + 1, close).join("\n");
      else report(context.file, "Removed a `{::nomarkdown}` block", { type: "text", position: at }, "kramdown/extension");
    }
    ranges.push(range);
    index = close;
  }
  return ranges;
}

function isClosing(line: string, name: string): boolean {
  const match = BLOCK_END.exec(line);
  return match !== null && (match[1] === "" || match[1] === name);
}

/** Drops every node inside a range, trimming the paragraphs and HTML blocks that reach into one. */
function pruneParent(parent: Parents, ranges: LineRange[], context: KramdownContext): void {
  const output: RootContent[] = [];
  for (const child of parent.children) {
    const start = child.position?.start.line;
    const end = child.position?.end.line;
    const range = start === undefined || end === undefined ? undefined : ranges.find((r) => r.start <= end && r.end >= start);
    if (!range || start === undefined || end === undefined) {
      output.push(child);
    } else if (start >= range.start && end <= range.end) {
      insertHtml(output, range);
    } else if (child.type === "paragraph") {
      output.push(...pruneParagraph(child, ranges, context));
    } else if (child.type === "html") {
      output.push(...pruneHtml(child, ranges));
    } else if ("children" in child) {
      pruneParent(child, ranges, context);
      if (child.children.length > 0) output.push(child);
    } else {
      output.push(child);
    }
  }
  parent.children = output;
}

function insertHtml(output: RootContent[], range: LineRange): void {
  if (range.html === undefined || range.inserted) return;
  range.inserted = true;
  output.push({ type: "html", value: range.html });
}

function pruneParagraph(paragraph: Paragraph, ranges: LineRange[], context: KramdownContext): RootContent[] {
  const output: RootContent[] = [];
  let kept: LineGroup[] = [];
  const flush = () => {
    if (kept.length > 0) output.push({ type: "paragraph", children: joinLines(kept) });
    kept = [];
  };
  for (const group of splitLines(paragraph.children, context.source)) {
    const range = group.startLine === undefined ? undefined : ranges.find((r) => group.startLine !== undefined && r.start <= group.startLine && r.end >= group.startLine);
    if (!range) {
      kept.push(group);
    } else if (range.html !== undefined && !range.inserted) {
      flush();
      insertHtml(output, range);
    }
  }
  flush();
  return output;
}

function pruneHtml(html: Html, ranges: LineRange[]): RootContent[] {
  const first = html.position?.start.line ?? 0;
  const output: RootContent[] = [];
  let kept: string[] = [];
  const flush = () => {
    if (kept.some((line) => line.trim() !== "")) output.push({ type: "html", value: kept.join("\n") });
    kept = [];
  };
  html.value.split("\n").forEach((text, index) => {
    const range = ranges.find((r) => r.start <= first + index && r.end >= first + index);
    if (!range) {
      kept.push(text);
    } else if (range.html !== undefined && !range.inserted) {
      flush();
      insertHtml(output, range);
    }
  });
  flush();
  return output;
}

const SELF_CLOSING = /\{::(\w+)\b(?:"[^"\n]*"|'[^'\n]*'|[^}"'\n])*?\/\}/g;
const SPAN_OPEN = /\{::(comment|nomarkdown)\b(?:"[^"\n]*"|'[^'\n]*'|[^}"'\n])*?\}/;
const SPAN_CLOSE = /\{:\/(comment|nomarkdown)?\}/;

/**
 * Span extensions inside a paragraph: `text {::comment}note{:/comment} more`.
 * The content may hold other inline nodes, so the end tag is looked for in
 * the following text siblings too.
 */
function removeSpanExtensions(tree: Root, context: KramdownContext): void {
  visit(tree, "text", (text, index, parent) => {
    if (!parent || index === undefined || !text.value.includes("{::")) return;
    text.value = text.value.replace(SELF_CLOSING, (found, name: string) => {
      if (name === "options") report(context.file, "Ignored `{::options ... /}`: kramdown parser options do not apply to this blog's Markdown", text, "kramdown/extension");
      return "";
    });
    const children: Nodes[] = parent.children;
    let open = SPAN_OPEN.exec(text.value);
    while (open) {
      const name = open[1] ?? "";
      const closed = removeSpan(children, index, open.index, open[0].length, name);
      if (!closed) {
        report(context.file, `\`{::${name}}\` is never closed with \`{:/${name}}\`; only the opening tag was removed`, text, "kramdown/unclosed-extension");
        text.value = text.value.slice(0, open.index) + text.value.slice(open.index + open[0].length);
      } else if (name === "nomarkdown" && closed === "several nodes") {
        report(context.file, "The content of an inline `{::nomarkdown}` was rendered as Markdown", text, "kramdown/extension");
      }
      open = SPAN_OPEN.exec(text.value);
    }
  });
  // A paragraph that held nothing but a comment would otherwise render as <p></p>.
  visit(tree, (node, index, parent) => {
    if (node.type !== "paragraph" || !parent || index === undefined) return;
    if (node.children.every((child) => child.type === "text" && child.value.trim() === "")) {
      parent.children.splice(index, 1);
      return index;
    }
  });
}

/**
 * Removes one span extension that opens at `at` in children[index]. For a
 * comment everything up to the end tag goes; for nomarkdown only the tags.
 */
function removeSpan(children: Nodes[], index: number, at: number, length: number, name: string): "one node" | "several nodes" | undefined {
  const text = children[index] as Text;
  const rest = text.value.slice(at + length);
  const sameNode = SPAN_CLOSE.exec(rest);
  if (sameNode && (sameNode[1] === undefined || sameNode[1] === name)) {
    const content = name === "comment" ? "" : rest.slice(0, sameNode.index);
    const before = text.value.slice(0, at);
    let after = rest.slice(sameNode.index + sameNode[0].length);
    // `a {::comment}x{:/comment} b` becomes `a b`, not `a  b`.
    if (content === "" && /\s$/.test(before) && /^\s/.test(after)) after = after.slice(1);
    text.value = before + content + after;
    return "one node";
  }
  for (let later = index + 1; later < children.length; later++) {
    const candidate = children[later];
    const close = candidate?.type === "text" ? SPAN_CLOSE.exec(candidate.value) : null;
    if (!candidate || candidate.type !== "text" || !close || (close[1] !== undefined && close[1] !== name)) continue;
    if (name === "comment") {
      text.value = text.value.slice(0, at);
      candidate.value = candidate.value.slice(close.index + close[0].length);
      children.splice(index + 1, later - index - 1);
    } else {
      text.value = text.value.slice(0, at) + rest;
      candidate.value = candidate.value.slice(0, close.index) + candidate.value.slice(close.index + close[0].length);
    }
    return "several nodes";
  }
  return undefined;
}

