import type { Root, Element } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "../tree";
import type { VFile } from "vfile";

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** Headings only screen readers get, such as the footnotes' (remark-rehype's `sr-only`): not in the table of contents. */
const HIDDEN_CLASSES = new Set(["sr-only", "visually-hidden"]);

/** Records h2-h4 (with the ids rehypeSlugHeadings gave them) in `file.data.headings`. */
export function rehypeCollectHeadings() {
  return (tree: Root, file: VFile) => {
    const headings: Heading[] = [];
    visit(tree, "element", (node: Element) => {
      const match = /^h([2-4])$/.exec(node.tagName);
      const id = node.properties.id;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      if (classes.some((c) => HIDDEN_CLASSES.has(String(c)))) return;
      if (match && typeof id === "string") headings.push({ depth: Number(match[1]), id, text: toString(node).trim() });
    });
    file.data.headings = headings;
  };
}
