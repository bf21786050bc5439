import type { Root, Element } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "../tree";
import type { VFile } from "vfile";

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** Records h2-h4 (with the ids rehype-slug gave them) in `file.data.headings`. */
export function rehypeCollectHeadings() {
  return (tree: Root, file: VFile) => {
    const headings: Heading[] = [];
    visit(tree, "element", (node: Element) => {
      const match = /^h([2-4])$/.exec(node.tagName);
      const id = node.properties.id;
      if (match && typeof id === "string") headings.push({ depth: Number(match[1]), id, text: toString(node).trim() });
    });
    file.data.headings = headings;
  };
}
