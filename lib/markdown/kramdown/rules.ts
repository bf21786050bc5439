import type { Node } from "unist";
import type { VFile } from "vfile";

/**
 * Every problem the kramdown plugins report, as `file.message(...)` with one
 * of these `ruleId`s (and `source: "kramdown"`), so the caller can map them
 * onto its own problem catalogue.
 */
export const KRAMDOWN_RULES = {
  "kramdown/stray-ial": "kramdown `{:...}` syntax left in the text where nothing could use it (removed)",
  "kramdown/unattached-ial": "a block attribute list with no block directly before or after it (ignored)",
  "kramdown/invalid-attribute": "an attribute list entry that is not `#id`, `.class`, `name=\"value\"` or a valid attribute name (ignored)",
  "kramdown/unsafe-attribute": "an event handler (`on*`) or `javascript:` value in an attribute list (dropped)",
  "kramdown/unsupported-reference": "a reference to an attribute list definition, which the blog does not support (ignored)",
  "kramdown/attribute-definition": "an attribute list definition `{:name: ...}`, which the blog does not support (removed)",
  "kramdown/extension": "a kramdown extension that is ignored or only partly supported",
  "kramdown/unclosed-extension": "`{::comment}` or `{::nomarkdown}` without its closing `{:/...}`",
  "kramdown/empty-toc": "`{:toc}` but no headings to list (the table of contents is left out)",
} as const;

export type KramdownRuleId = keyof typeof KRAMDOWN_RULES;

/** Records a problem on the file at the node's position; never throws, so one bad post does not stop a build. */
export function report(file: VFile, reason: string, node: Node | undefined, ruleId: KramdownRuleId): void {
  file.message(reason, { place: node?.position, ruleId, source: "kramdown" });
}
