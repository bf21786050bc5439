import type { Root } from "mdast";
import { visit } from "../tree";
import { applyAttributeList, type KramdownContext } from "./apply";
import { report } from "./rules";

/** kramdown's header id: `## Title {#custom-id}`, at the very end of the heading text. */
const HEADING_ID = /[ \t]*\{#([A-Za-z][\w:-]*)\}[ \t]*$/;

/**
 * Moves `{#id}` from the end of a heading's text to its id. rehypeSlugHeadings only
 * fills in ids that are missing, so this one is kept.
 */
export function applyHeadingIds(tree: Root, context: KramdownContext): void {
  visit(tree, "heading", (heading) => {
    const last = heading.children[heading.children.length - 1];
    if (last?.type !== "text") return;
    const match = HEADING_ID.exec(last.value);
    if (!match) {
      // kramdown leaves an invalid id as text too; say why it shows.
      const invalid = /\{#([^{}\s]*)\}[ \t]*$/.exec(last.value);
      if (invalid) report(context.file, `\`{#${invalid[1] ?? ""}}\` is not a heading id: an id starts with a letter and holds only letters, digits, _, - and :`, last, "kramdown/invalid-attribute");
      return;
    }
    applyAttributeList(context, heading, `#${match[1] ?? ""}`, last);
    last.value = last.value.slice(0, match.index);
    if (last.value === "") heading.children.pop();
  });
}
