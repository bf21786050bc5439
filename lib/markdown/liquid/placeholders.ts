import type { Element, ElementContent, Root, RootContent } from "hast";

/**
 * Tags whose output is final HTML (code, figures) must not pass through
 * Markdown, which would mangle blank lines and `<`. They leave an HTML
 * comment in the Markdown instead, and rehypeLiquidBlocks swaps it for the
 * element after Markdown. The comment holds as many line breaks as the tag
 * spanned, so every later line keeps its number (problems point at the
 * right line of the post).
 */
const BLOCK = "liquid-block:";
/** Stands for markup that renders nothing but spanned lines (comments, unknown blocks). */
const GAP = "liquid-gap";

const BLOCK_COMMENT = /^liquid-block:(\d+)[\s.>]*$/;
const GAP_COMMENT = /^liquid-gap[\s.>]*$/;

export function blockPlaceholder(id: string, source: string, begin: number, end: number): string {
  return comment(`${BLOCK}${id}`, source, begin, end);
}

/** Nothing, or an empty comment that keeps the line count when the markup spanned lines. */
export function gapPlaceholder(source: string, begin: number, end: number): string {
  return countNewlines(source, begin, end) === 0 ? "" : comment(GAP, source, begin, end);
}

/** Removes placeholders from text that is not Markdown (code), telling which blocks they stood for. */
export function stripPlaceholders(text: string, dropped: (id: string) => void): string {
  return text.replace(/<!--liquid-(?:block:(\d+)|gap)[\s.>]*-->/g, (_, id: string | undefined) => {
    if (id) dropped(id);
    return "";
  });
}

function comment(label: string, source: string, begin: number, end: number): string {
  const newlines = countNewlines(source, begin, end);
  return `<!--${label}${`\n${paddingLine(source, begin)}`.repeat(newlines)}-->`;
}

function countNewlines(source: string, begin: number, end: number): number {
  let count = 0;
  for (let i = source.indexOf("\n", begin); i >= 0 && i < end; i = source.indexOf("\n", i + 1)) count += 1;
  return count;
}

function paddingLine(source: string, begin: number): string {
  const { prefix, midLine } = containerAt(source, begin);
  // Mid-paragraph, a blank line would end the paragraph and break the comment.
  return midLine ? `${prefix}.` : prefix;
}

/**
 * What the lines of the Markdown container around `begin` start with: `> `
 * in a blockquote, spaces in a list item. Padding lines repeat it so the
 * comment stays in the container; code blocks drop it from their lines, as
 * kramdown does. `midLine` when text precedes the tag on its line.
 */
export function containerAt(source: string, begin: number): { prefix: string; midLine: boolean } {
  const lineStart = source.lastIndexOf("\n", begin - 1) + 1;
  const before = source.slice(lineStart, begin);
  if (/^[ \t>]*$/.test(before)) return { prefix: before, midLine: false };
  const listItem = /^([ \t>]*)(?:[-*+]|\d{1,9}[.)])[ \t]+$/.exec(before);
  if (listItem) {
    const container = listItem[1] ?? "";
    return { prefix: container + " ".repeat(before.length - container.length), midLine: false };
  }
  return { prefix: /^[ \t>]*/.exec(before)?.[0] ?? "", midLine: true };
}

/** Removes the container prefix (or as much of it as a line has) from every line but the first. */
export function stripContainer(text: string, prefix: string): string {
  if (!prefix) return text;
  return text
    .split("\n")
    .map((line, index) => {
      if (index === 0) return line;
      let i = 0;
      while (i < prefix.length && line[i] === prefix[i]) i += 1;
      return line.slice(i);
    })
    .join("\n");
}

type Marker = { kind: "block"; id: string } | { kind: "gap" };

/** The placeholder a node stands for: a comment (after rehype-raw) or a raw node (without it). */
function markerOf(node: RootContent): Marker | undefined {
  let text: string | undefined;
  if (node.type === "comment") text = node.value;
  else {
    // `raw` nodes come from remark-rehype's allowDangerousHtml when rehype-raw does not run.
    const loose = node as { type: string; value?: unknown };
    if (loose.type === "raw" && typeof loose.value === "string") {
      text = /^<!--([\s\S]*)-->$/.exec(loose.value.trim())?.[1];
    }
  }
  if (text === undefined) return undefined;
  const block = BLOCK_COMMENT.exec(text);
  if (block?.[1]) return { kind: "block", id: block[1] };
  return GAP_COMMENT.test(text) ? { kind: "gap" } : undefined;
}

/**
 * Rehype plugin: replaces each placeholder comment with its element. A
 * paragraph that held the placeholder is split around it, or dropped when
 * nothing else was in it: a figure or `pre` cannot live inside `<p>`. Gap
 * comments are removed.
 */
export function rehypeLiquidBlocks(options: { blocks: Map<string, Element> }): (tree: Root) => void {
  const { blocks } = options;
  const resolve = (marker: Marker): Element | undefined => {
    if (marker.kind === "gap") return undefined;
    const element = blocks.get(marker.id);
    // A copy: the same map may be used for more than one tree.
    return element ? structuredClone(element) : undefined;
  };

  const replaceIn = (parent: Root | Element): void => {
    const children: RootContent[] = [];
    for (const child of parent.children) {
      const marker = markerOf(child);
      if (marker) {
        const element = resolve(marker);
        if (element) children.push(element);
      } else if (child.type === "element" && child.tagName === "p" && child.children.some((c) => markerOf(c))) {
        children.push(...splitParagraph(child));
      } else {
        if (child.type === "element") replaceIn(child);
        children.push(child);
      }
    }
    // Root and element children differ only by doctype, which never comes from a placeholder.
    (parent as Root).children = children;
  };

  const splitParagraph = (paragraph: Element): Element[] => {
    const out: Element[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.some((node) => !(node.type === "text" && /^\s*$/.test(node.value)))) {
        const part: Element = { type: "element", tagName: "p", properties: { ...paragraph.properties }, children: run };
        replaceIn(part);
        out.push(part);
      }
      run = [];
    };
    for (const child of paragraph.children) {
      const marker = markerOf(child);
      if (!marker) run.push(child);
      else if (marker.kind === "block") {
        flush();
        const element = resolve(marker);
        if (element) out.push(element);
      }
      // A gap is dropped and the paragraph goes on.
    }
    flush();
    return out;
  };

  return (tree) => replaceIn(tree);
}
