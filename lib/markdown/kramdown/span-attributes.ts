import type { Nodes, Root, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "../tree";
import { applyAttributeList, type KramdownContext } from "./apply";
import { LEADING_IAL } from "./attribute-list";

/** Span elements a span IAL can follow directly, as in `[text](url){:target="_blank"}`. */
const SPAN_TYPES = new Set<Nodes["type"]>(["link", "linkReference", "image", "imageReference", "emphasis", "strong", "delete", "inlineCode"]);

/** Applies each span IAL to the element right before it and removes the IAL from the text. */
export function applySpanAttributeLists(tree: Root, context: KramdownContext): void {
  visit(tree, (parent) => {
    if (!("children" in parent)) return;
    const children: Nodes[] = parent.children;
    for (let index = 0; index < children.length - 1; index++) {
      const element = children[index];
      const text = children[index + 1];
      if (!element || !SPAN_TYPES.has(element.type) || text?.type !== "text" || !text.value.startsWith("{:")) continue;
      const match = LEADING_IAL.exec(text.value);
      if (match) {
        applyAttributeList(context, element, match[1] ?? "", text);
        trimStart(text, match[0].length);
        if (text.value === "") children.splice(index + 1, 1);
      } else {
        applySplitIal(children, index, context);
      }
    }
  });
}

/**
 * GFM's autolink literals are found after parsing, so a URL in a value
 * (`{: title="see https://x.example"}`) splits the IAL over several nodes
 * (without positions). The source still has it whole; the nodes are removed
 * only if their text spells exactly that IAL.
 */
function applySplitIal(children: Nodes[], index: number, context: KramdownContext): void {
  const element = children[index];
  const end = element?.position?.end.offset;
  if (!element || end === undefined || !context.source) return;
  const match = LEADING_IAL.exec(context.source.value.slice(end, end + 2000));
  if (!match) return;
  const ial = match[0];

  let covered = 0;
  let last = index + 1;
  while (covered < ial.length && last < children.length) covered += toString(children[last++]).length;
  const following = children.slice(index + 1, last);
  if (!following.map((node) => toString(node)).join("").startsWith(ial)) return;

  applyAttributeList(context, element, match[1] ?? "", children[index + 1]);
  const tail = following[following.length - 1];
  const keep = covered - ial.length;
  if (tail?.type === "text" && keep > 0) {
    trimStart(tail, tail.value.length - keep);
    children.splice(index + 1, following.length - 1);
  } else {
    children.splice(index + 1, following.length);
  }
}

function trimStart(text: Text, length: number): void {
  text.value = text.value.slice(length);
  const start = text.position?.start;
  if (text.position && start) text.position.start = { line: start.line, column: start.column + length, offset: start.offset === undefined ? undefined : start.offset + length };
}
