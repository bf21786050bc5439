import type { Element, ElementContent, Root } from "hast";
import { SKIP, visit } from "../tree";
import type { VFile } from "vfile";
import { TOC_MARKER } from "./remark-kramdown-attributes";
import { report } from "./rules";

export interface RehypeKramdownTocOptions {
  /** Shallowest heading level listed. Default 2. */
  minDepth?: number;
  /** Deepest heading level listed. Default 4. */
  maxDepth?: number;
  /** Headings with this class are left out, as kramdown does with `{:.no_toc}`. Default "no_toc". */
  excludeClass?: string;
}

interface Entry {
  depth: number;
  id: string;
  text: string;
  children: Entry[];
}

/**
 * Fills the `{:toc}` placeholders of remarkKramdownAttributes with a nested
 * list of links to the post's headings. Runs after rehypeSlugHeadings, which gives
 * the headings their ids.
 */
export function rehypeKramdownToc(options: RehypeKramdownTocOptions = {}) {
  const minDepth = options.minDepth ?? 2;
  const maxDepth = options.maxDepth ?? 4;
  const excludeClass = options.excludeClass ?? "no_toc";

  return (tree: Root, file: VFile): void => {
    const placeholders: Array<{ nav: Element; parent: Root | Element }> = [];
    visit(tree, "element", (node, _index, parent) => {
      if (node.tagName === "nav" && node.properties[TOC_MARKER] !== undefined && parent) placeholders.push({ nav: node, parent });
    });
    if (placeholders.length === 0) return;

    const entries = nest(collectHeadings(tree, minDepth, maxDepth, excludeClass));
    for (const { nav, parent } of placeholders) {
      const tag = nav.properties[TOC_MARKER] === "ol" ? "ol" : "ul";
      delete nav.properties[TOC_MARKER];
      if (entries.length === 0) {
        // An empty navigation landmark helps no one; leave it out.
        report(file, "`{:toc}` but the post has no headings to list", nav, "kramdown/empty-toc");
        parent.children = parent.children.filter((child) => child !== nav);
        continue;
      }
      nav.children = [renderList(entries, tag)];
    }
  };
}

function collectHeadings(tree: Root, minDepth: number, maxDepth: number, excludeClass: string): Entry[] {
  const headings: Entry[] = [];
  visit(tree, "element", (node) => {
    // Not the TOC itself, nor the "Footnotes" heading remark-rehype adds.
    if (node.tagName === "nav" && node.properties[TOC_MARKER] !== undefined) return SKIP;
    if (node.tagName === "section" && node.properties.dataFootnotes !== undefined) return SKIP;
    const match = /^h([1-6])$/.exec(node.tagName);
    if (!match) return;
    const depth = Number(match[1]);
    const id = node.properties.id;
    const classes = node.properties.className;
    const excluded = Array.isArray(classes) && classes.includes(excludeClass);
    // A heading without an id cannot be linked to (rehypeSlugHeadings did not run).
    if (depth < minDepth || depth > maxDepth || excluded || typeof id !== "string" || id === "") return SKIP;
    headings.push({ depth, id, text: headingText(node), children: [] });
    return SKIP;
  });
  return headings;
}

/** The heading's text without footnote reference numbers, which would read as part of the title. */
function headingText(heading: Element): string {
  const text = (node: ElementContent): string => {
    if (node.type === "text") return node.value;
    if (node.type !== "element" || node.properties.dataFootnoteRef !== undefined) return "";
    return node.children.map(text).join("");
  };
  return heading.children.map(text).join("").replace(/\s+/g, " ").trim();
}

/** Each heading goes under the nearest earlier heading of a lower level. */
function nest(flat: Entry[]): Entry[] {
  const roots: Entry[] = [];
  const stack: Entry[] = [];
  for (const entry of flat) {
    while (stack.length > 0 && (stack[stack.length - 1] as Entry).depth >= entry.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(entry);
    stack.push(entry);
  }
  return roots;
}

function renderList(entries: Entry[], tag: "ul" | "ol"): Element {
  return {
    type: "element",
    tagName: tag,
    properties: {},
    children: entries.map((entry): ElementContent => {
      const link: Element = { type: "element", tagName: "a", properties: { href: `#${entry.id}` }, children: [{ type: "text", value: entry.text }] };
      const children: ElementContent[] = [link];
      if (entry.children.length > 0) children.push(renderList(entry.children, tag));
      return { type: "element", tagName: "li", properties: {}, children };
    }),
  };
}
