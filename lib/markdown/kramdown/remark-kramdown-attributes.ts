import type { List, Root } from "mdast";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import type { KramdownContext } from "./apply";
import { mergeProperties, toProperties, type AttributeList } from "./attribute-list";
import { applyBlockAttributeLists } from "./block-attributes";
import { removeExtensions } from "./extensions";
import { kramdownIalSyntax } from "./ial-syntax";
import { applyHeadingIds } from "./heading-ids";
import { toSource } from "./lines";
import { applySpanAttributeLists } from "./span-attributes";

export interface RemarkKramdownAttributesOptions {
  /**
   * `rel` added to links that an IAL opens in a new tab (`{:target="_blank"}`),
   * so the new page cannot reach back through `window.opener`.
   * Default `["noopener", "noreferrer"]`; `false` leaves rel alone.
   */
  blankTargetRel?: string[] | false;
  /** Turn `* TOC` + `{:toc}` into a placeholder for rehypeKramdownToc. Default true. */
  toc?: boolean;
  /** `{::nomarkdown}` blocks: passed through as raw HTML (default) or removed. */
  nomarkdown?: "raw" | "remove";
}

/** The `data-*` marker rehypeKramdownToc looks for; it holds the list tag to build (`ul` or `ol`). */
export const TOC_MARKER = "dataKramdownToc";

/**
 * kramdown's attribute lists on GFM Markdown: span IALs
 * (`[a](u){:target="_blank"}`), block IALs (`{: .note}` on the line after a
 * block), header ids (`## Title {#id}`), `{:toc}`, and the `comment`,
 * `options` and `nomarkdown` extensions. Attributes go to
 * `data.hProperties`, which remark-rehype turns into HTML attributes.
 */
export function remarkKramdownAttributes(this: Processor, options: RemarkKramdownAttributesOptions = {}) {
  // Read IALs whole at parse time, so emphasis markers inside them stay text (see ial-syntax.ts).
  const data = this.data();
  (data.micromarkExtensions ??= []).push(kramdownIalSyntax);

  const blankTargetRel = options.blankTargetRel ?? ["noopener", "noreferrer"];
  const toc = options.toc ?? true;
  const nomarkdown = options.nomarkdown ?? "raw";

  return (tree: Root, file: VFile): void => {
    // Block syntax is line based; the source gives back what mdast drops (indentation, `>` prefixes).
    // It must be the Markdown that was parsed (as with `processor.process(markdown)`), or positions will not match.
    const value = String(file);
    const source = value === "" ? undefined : toSource(value);
    const context: KramdownContext = { file, source, blankTargetRel, toc, nomarkdown, tocLists: new Map() };
    removeExtensions(tree, context);
    applyBlockAttributeLists(tree, context);
    applyHeadingIds(tree, context);
    applySpanAttributeLists(tree, context);
    for (const [list, attributes] of context.tocLists) toTocPlaceholder(list, attributes);
  };
}

/** The list's items are only a stand-in (`* TOC`): it becomes an empty nav that rehypeKramdownToc fills. */
function toTocPlaceholder(list: List, attributes: AttributeList): void {
  const tag = list.ordered ? "ol" : "ul";
  list.children = [];
  list.ordered = false;
  list.start = null;
  list.data = {
    hName: "nav",
    hProperties: mergeProperties({ className: ["toc"], ariaLabel: "Table of contents", [TOC_MARKER]: tag }, toProperties(attributes)),
    hChildren: [],
  };
}
