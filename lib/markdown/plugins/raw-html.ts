import type { Root } from "hast";
import rehypeRaw from "rehype-raw";
import { visit } from "../tree";
import type { VFile } from "vfile";

/**
 * A raw node that is one of Liquid's own placeholders and nothing else, which
 * rehypeLiquidBlocks handles as it is. A placeholder with HTML after it on its
 * line (`{% image_custom ... %} <br>`) needs the HTML parser like any raw HTML.
 */
const LIQUID_PLACEHOLDER = /^<!--liquid-(?:block:\d+|gap)[\s.>]*-->$/;

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
      if (!LIQUID_PLACEHOLDER.test(node.value.trim())) needed = true;
      return needed ? false : undefined;
    });
    return needed ? (raw(tree, file) as Root) : tree;
  };
}
