import type { Element } from "hast";
import { h } from "hastscript";

/**
 * A static card that stands in for a third-party embed (a post on X, a gist):
 * a line saying what it is and a link to it, styled by `.tweet-card`. No
 * script, no request to the third party.
 */
export function linkCard(label: string, href: string, linkText: string, extraClass?: string): Element {
  return h("blockquote", { className: ["tweet-card", ...(extraClass ? [extraClass] : [])] }, [h("p", label), h("a", { href }, linkText)]);
}
