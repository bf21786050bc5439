/**
 * kramdown syntax for the blog's GFM Markdown, as unified plugins. The order matters:
 *
 *   remark-parse, remark-gfm,
 *   remarkKramdownAttributes      IALs, {#id}, {:toc} placeholder, extensions (mdast)
 *   remark-rehype { allowDangerousHtml: true }, rehype-raw,
 *   rehypeSlugHeadings            keeps the explicit ids, fills in the rest
 *   rehypeKramdownFootnotes       kramdown's footnote ids (fn:1, fnref:1)
 *   rehypeKramdownToc             needs the ids, so after rehypeSlugHeadings
 *   rehypeStrayAttributeLists     last, so it only sees what nothing else used
 *   rehype-stringify
 *
 * Problems are VFile messages with a `kramdown/...` ruleId (see KRAMDOWN_RULES).
 */
export { remarkKramdownAttributes, type RemarkKramdownAttributesOptions } from "./remark-kramdown-attributes";
export { rehypeKramdownFootnotes } from "./rehype-kramdown-footnotes";
export { rehypeKramdownToc, type RehypeKramdownTocOptions } from "./rehype-kramdown-toc";
export { rehypeStrayAttributeLists, type RehypeStrayAttributeListsOptions } from "./rehype-stray-attribute-lists";
export { KRAMDOWN_RULES, type KramdownRuleId } from "./rules";
