import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { visit as libraryVisit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { EXIT, SKIP, visit } from "./tree";

const markdown = "# Title\n\nSome *emphasis* and `code`.\n\n- one\n- two **bold**\n\n> quote with [link](/x/)\n";

describe("visit (the pipeline's tree walk)", () => {
  it("meets nodes in the same order, with the same index and parent, as unist-util-visit", () => {
    const tree = fromMarkdown(markdown);
    const ours: unknown[] = [];
    const theirs: unknown[] = [];
    visit(tree, (node, index, parent) => void ours.push([node.type, index, parent?.type]));
    libraryVisit(tree, (node, index, parent) => void theirs.push([node.type, index, parent?.type]));
    expect(ours.length).toBeGreaterThan(15);
    expect(ours).toEqual(theirs);
  });

  it("visits only the given type, skips children on SKIP and stops on EXIT", () => {
    const tree = fromMarkdown(markdown);
    const texts: string[] = [];
    visit(tree, "text", (node) => void texts.push(node.value));
    expect(texts).toContain("emphasis");

    const outsideLists: string[] = [];
    visit(tree, (node) => {
      if (node.type === "list") return SKIP;
      if (node.type === "text") outsideLists.push(node.value);
    });
    expect(outsideLists).not.toContain("one");
    expect(outsideLists).toContain("quote with ");

    const untilList: string[] = [];
    visit(tree, (node) => {
      if (node.type === "list") return EXIT;
      untilList.push(node.type);
    });
    expect(untilList).not.toContain("blockquote");
    expect(untilList).toContain("emphasis");
  });

  it("continues at the index a visitor returns, so visitors can remove or insert siblings", () => {
    const tree = fromMarkdown("a\n\nb\n\nc\n") as MdastRoot;
    const seen: string[] = [];
    visit(tree, "paragraph", (node, index, parent) => {
      const text = node.children[0]?.type === "text" ? node.children[0].value : "";
      seen.push(text);
      if (text === "a" && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
    });
    expect(seen).toEqual(["a", "b", "c"]);
    expect(tree.children).toHaveLength(2);

    const hast: HastRoot = { type: "root", children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: "x" }] }] };
    const tags: string[] = [];
    visit(hast, "element", (node) => void tags.push(node.tagName));
    expect(tags).toEqual(["p"]);
  });
});
