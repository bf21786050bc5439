import type { Root } from "hast";
import rehypeRaw from "rehype-raw";
import { visit } from "../tree";
import type { VFile } from "vfile";

/** Liquid's own placeholders, which rehypeLiquidBlocks handles as raw nodes. */
const LIQUID_PLACEHOLDER = /^<!--liquid-(block|gap)/;

/**
 * rehype-raw, but only for posts that contain raw HTML. It re-parses the whole
 * tree through an HTML parser, a fifth of a post's render time, and most posts
 * have no HTML beyond the Liquid placeholders.
 */
export function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    let needed = false;
    visit(tree, "raw", (node: { value: string }) => {
      if (!LIQUID_PLACEHOLDER.test(node.value.trimStart())) needed = true;
      return needed ? false : undefined;
    });
    return needed ? (raw(tree, file) as Root) : tree;
  };
}
