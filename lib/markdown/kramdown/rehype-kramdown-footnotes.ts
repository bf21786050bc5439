import type { Element, Root } from "hast";
import { visit } from "../tree";

// remark-rehype's footnote ids, in its default prefix: `user-content-fn-1`, `user-content-fnref-1`, `user-content-fnref-1-2`.
const NOTE = "#user-content-fn-";
const REFERENCE = "user-content-fnref-";

/**
 * Footnote ids as kramdown writes them (`fn:1`, `fnref:1`, `fnref:1:1` for the
 * second reference to a note), so that links into a Jekyll post's footnotes
 * keep working after the move. Also kramdown's classes, which Jekyll themes style.
 * Runs before the link check, which then knows the ids that authors link to.
 */
export function rehypeKramdownFootnotes() {
  return (tree: Root): void => {
    // remark-rehype appends the notes' <section> to the root: a post without one is left alone, unwalked.
    if (!tree.children.some((node) => node.type === "element" && node.properties.dataFootnotes !== undefined)) return;
    visit(tree, "element", (node: Element) => {
      const { properties } = node;
      if (node.tagName === "a" && properties.dataFootnoteRef !== undefined) {
        const name = hrefName(properties.href, NOTE);
        if (name === undefined) return;
        properties.href = `#fn:${name}`;
        properties.id = `fnref:${name}${repeatOf(properties.id, `${REFERENCE}${name}`)}`;
        properties.className = [...classes(properties.className), "footnote"];
      } else if (node.tagName === "li" && typeof properties.id === "string" && properties.id.startsWith(NOTE.slice(1))) {
        const name = properties.id.slice(NOTE.length - 1);
        properties.id = `fn:${name}`;
        visit(node, "element", (link: Element) => {
          if (link.tagName !== "a" || link.properties.dataFootnoteBackref === undefined) return;
          link.properties.href = `#fnref:${name}${repeatOf(hrefName(link.properties.href, "#"), `${REFERENCE}${name}`)}`;
          link.properties.className = [...classes(link.properties.className), "reversefootnote"];
        });
      }
    });
  };
}

function hrefName(href: unknown, prefix: string): string | undefined {
  return typeof href === "string" && href.startsWith(prefix) ? href.slice(prefix.length) : undefined;
}

/** remark-rehype numbers the n-th reference to a note `-n` from 2 on; kramdown `:n-1`. */
function repeatOf(id: unknown, first: string): string {
  if (typeof id !== "string" || !id.startsWith(first)) return "";
  const repeat = /^-(\d+)$/.exec(id.slice(first.length));
  return repeat ? `:${Number(repeat[1]) - 1}` : "";
}

function classes(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
