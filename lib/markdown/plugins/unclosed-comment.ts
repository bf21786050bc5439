import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "../tree";

/**
 * An HTML comment that is never closed (`<!-- draft note` without `-->`)
 * hides everything after it: CommonMark runs the comment to the end of the
 * post, and browsers hide it. The page then ends early with no sign why, so
 * the author is told where the comment starts.
 */
export function remarkUnclosedComment() {
  return (tree: Root, file: VFile): void => {
    visit(tree, "html", (node) => {
      const start = node.value.lastIndexOf("<!--");
      if (start === -1 || node.value.includes("-->", start + 4)) return;
      const lines = node.value.trimEnd().split("\n").length;
      const message = file.message(`An HTML comment starts here and is never closed: the page shows nothing of the post from here on (${lines} line${lines === 1 ? "" : "s"})`, {
        place: node.position, ruleId: "markdown/unclosed-comment", source: "blog",
      });
      message.expected = ["-->"];
      message.note = "close the comment with --> where the hidden part should end";
    });
  };
}
