import type { List, Nodes } from "mdast";
import type { Node } from "unist";
import type { VFile } from "vfile";
import { mergeProperties, parseAttributeList, toProperties, type AttributeList } from "./attribute-list";
import type { Source } from "./lines";
import { report } from "./rules";

/** What the passes of remarkKramdownAttributes share for one file. */
export interface KramdownContext {
  file: VFile;
  /** The parsed Markdown; undefined when the file holds no text. */
  source: Source | undefined;
  /** `rel` for links an IAL opens in a new tab; false leaves rel alone. */
  blankTargetRel: string[] | false;
  toc: boolean;
  nomarkdown: "raw" | "remove";
  /** Lists marked `{:toc}`, turned into the placeholder once every pass is done. */
  tocLists: Map<List, AttributeList>;
}

/** Node types whose HTML is raw or absent, so attributes have nowhere to go. */
const NO_ELEMENT = new Set(["html", "definition", "footnoteDefinition", "yaml", "text"]);

/**
 * Parses `body` (an IAL without `{:` and `}`) and applies it to `target`.
 * `origin` is where the IAL was written, for messages.
 */
export function applyAttributeList(context: KramdownContext, target: Nodes, body: string, origin: Node | undefined): void {
  const { list, problems } = parseAttributeList(body);
  for (const problem of problems) report(context.file, problem.reason, origin, problem.ruleId);

  if (NO_ELEMENT.has(target.type)) {
    report(context.file, `Ignored the attribute list \`{:${body}}\`: the ${target.type} it belongs to has no HTML element to take it`, origin, "kramdown/unattached-ial");
    return;
  }

  for (const ref of list.refs) {
    if (ref === "toc" && context.toc && target.type === "list") context.tocLists.set(target, list);
    else if (ref === "toc" && context.toc) report(context.file, "Ignored `{:toc}`: it only works on a list, as in `* TOC` followed by `{:toc}`", origin, "kramdown/unattached-ial");
    else if (ref !== "toc") report(context.file, `Ignored \`${ref}\` in \`{:${body}}\`: attribute list definitions are not supported`, origin, "kramdown/unsupported-reference");
  }
  if (target.type === "list" && context.tocLists.has(target)) return;

  let properties = toProperties(list);
  if (target.type === "code" && properties.className !== undefined && target.lang) {
    // remark-rehype sets the language class first and hProperties would replace it.
    properties = mergeProperties({ className: [`language-${target.lang}`] }, properties);
  }
  const isLink = target.type === "link" || target.type === "linkReference";
  if (isLink && context.blankTargetRel && properties.target === "_blank") {
    properties = mergeProperties(properties, { rel: context.blankTargetRel });
  }
  const data = (target.data ??= {});
  data.hProperties = mergeProperties(data.hProperties ?? {}, properties);
}
