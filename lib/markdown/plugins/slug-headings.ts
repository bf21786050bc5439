import type { Element, Root } from "hast";
import GithubSlugger from "github-slugger";
import { toString } from "hast-util-to-string";
import { visit } from "../tree";

const HEADING = /^h[1-6]$/;

/**
 * rehype-slug's ids, GitHub's way (`## Set up` -> `set-up`, repeats `-1`, `-2`), for headings that
 * have none, walked with the pipeline's own tree walk: rehype-slug's walk through unist-util-visit
 * was 1.5% of rendering a post.
 */
export function rehypeSlugHeadings() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, "element", (node: Element) => {
      if (HEADING.test(node.tagName) && !node.properties.id) node.properties.id = slugger.slug(toString(node));
    });
  };
}
