import type { Extension, Transform } from "mdast-util-from-markdown";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import type { Processor } from "unified";
import { EXIT, visit } from "../tree";

/** remark-gfm's transform that links URLs and e-mail addresses written as plain text (`www.x.com`, `https://…`, `a@b.c`). */
const [linkLiterals] = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

/** What each of its patterns needs: `http://`, `https://` or `www.` (any case), or an `@`. */
const MIGHT_BE_LINK = /@|www\.|https?:\/\//i;

/** The transform, for a tree whose text could hold a link; every other tree is left as it is, which is what the transform would do. */
const linkLiteralsWhenPresent: Transform = (tree) => {
  let found = false;
  visit(tree, "text", (node) => {
    if (!MIGHT_BE_LINK.test(node.value)) return undefined;
    found = true;
    return EXIT;
  });
  return found ? linkLiterals!(tree) : undefined;
};

/**
 * After remark-gfm: its literal-link transform walks every text node of every post with
 * unist-util-visit-parents, which builds and names a closure per node (4.6% of rendering), though
 * most posts have no such text. The transform now runs on posts whose text could hold one.
 */
export function remarkGfmLiteralLinksWhenPresent(this: Processor) {
  const guard = (extensions: readonly (Extension | readonly Extension[])[]): void => {
    for (const extension of extensions) {
      if (Array.isArray(extension)) guard(extension);
      else {
        const { transforms } = extension as Extension;
        // The same function as remark-gfm's when the package is deduplicated; otherwise nothing changes.
        transforms?.forEach((transform, i) => {
          if (transform === linkLiterals) transforms[i] = linkLiteralsWhenPresent;
        });
      }
    }
  };
  guard((this.data("fromMarkdownExtensions") ?? []) as (Extension | Extension[])[]);
}
