import type { Element, Root } from "hast";
import { visit } from "../tree";

/**
 * Code blocks and tables can be wider than the column and scroll sideways.
 * Keyboard users must be able to focus them to scroll (WCAG 2.1.1), so code
 * blocks get tabindex=0 and tables a focusable, labelled scroll container.
 */
export function rehypeScrollableBlocks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName === "pre") {
        node.properties.tabIndex = 0;
      } else if (node.tagName === "table" && parent && index !== undefined && !isScrollWrapper(parent)) {
        parent.children[index] = {
          type: "element",
          tagName: "div",
          properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: "Table" },
          children: [node],
        };
      }
    });
  };
}

function isScrollWrapper(node: Root | Element): boolean {
  return node.type === "element" && Array.isArray(node.properties.className) && node.properties.className.includes("table-scroll");
}
