import type { Root, Text } from "hast";
import type { Point } from "unist";
import { SKIP, visit } from "../tree";
import type { VFile } from "vfile";
import { report } from "./rules";

export interface RehypeStrayAttributeListsOptions {
  /** Elements whose text is content, never markup: kramdown syntax shown there stays. */
  ignore?: string[];
}

const DEFAULT_IGNORE = ["pre", "code", "kbd", "samp", "script", "style", "textarea"];

/** `{:...}`, `{::...}` and `{:/...}`: anything kramdown would have read as its own syntax. */
const STRAY = /(\s?)\{:(?:(?:"[^"\n]*"|'[^'\n]*'|[^}"'\n])*|[^}\n]*)\}(\s?)/g;

/**
 * The last safety net: kramdown syntax that no plugin could use (an IAL after
 * plain text, a typo, an unknown extension) is removed from the text instead
 * of showing up on the page, with a message saying where it was.
 */
export function rehypeStrayAttributeLists(options: RehypeStrayAttributeListsOptions = {}) {
  const ignore = new Set(options.ignore ?? DEFAULT_IGNORE);

  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      if (node.type === "element" && ignore.has(node.tagName)) return SKIP;
      if (node.type !== "text" || !node.value.includes("{:")) return;
      node.value = node.value.replace(STRAY, (found: string, before: string, after: string, index: number) => {
        const place = pointIn(node, index + before.length);
        report(file, `Removed \`${found.trim()}\`: kramdown syntax with nothing to apply to`, place ? { type: "text", position: { start: place, end: place } } : node, "kramdown/stray-ial");
        // `a {: .x} b` becomes `a b`, not `a  b`.
        return before && after ? before : before + after;
      });
    });
  };
}

/** Where the value's index-th character is in the source; exact for text without escapes, close otherwise. */
function pointIn(text: Text, index: number): Point | undefined {
  const start = text.position?.start;
  if (!start) return undefined;
  const before = text.value.slice(0, index);
  const newline = before.lastIndexOf("\n");
  if (newline === -1) return { line: start.line, column: start.column + index };
  return { line: start.line + before.split("\n").length - 1, column: index - newline };
}
