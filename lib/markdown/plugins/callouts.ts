import type { Element, ElementContent, Root } from "hast";
import { visit } from "../tree";

/** The five kinds GitHub renders, and the words themes use for the same boxes. */
const KINDS: Record<string, { kind: string; title: string }> = {
  note: { kind: "note", title: "Note" },
  info: { kind: "note", title: "Note" },
  tip: { kind: "tip", title: "Tip" },
  important: { kind: "important", title: "Important" },
  warning: { kind: "warning", title: "Warning" },
  caution: { kind: "caution", title: "Caution" },
  danger: { kind: "caution", title: "Caution" },
};

const ALERT = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;
/** Chirpy's `{: .prompt-tip }` and al-folio's `{: .block-warning }` under a quote. */
const THEME_CLASS = /^(?:prompt|block)-(note|info|tip|important|warning|danger|caution)$/;

/**
 * Callout boxes from a quote: GitHub's alerts (`> [!NOTE]` on the quote's
 * first line, as pull request previews show them) get the kind's class and a
 * title; quotes that themes mark with a class (Chirpy's `.prompt-tip`,
 * al-folio's `.block-warning`) get the same class, keeping their own.
 */
export function rehypeCallouts() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "blockquote") return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      const themed = classes.map((name) => THEME_CLASS.exec(name)?.[1]).find(Boolean);
      if (themed) {
        node.properties.className = [...classes, "callout", `callout-${KINDS[themed]!.kind}`];
        return;
      }
      const first = node.children.find((child): child is Element => child.type === "element");
      const text = first?.tagName === "p" ? first.children[0] : undefined;
      const match = text?.type === "text" ? ALERT.exec(text.value) : null;
      if (!first || !text || text.type !== "text" || !match) return;
      // A marker with nothing after it stays a plain quote, as on GitHub.
      const hasContent = text.value.slice(match[0].length).trim() !== "" || first.children.length > 1 || node.children.some((child) => child !== first && child.type === "element");
      if (!hasContent) return;
      const { kind, title } = KINDS[match[1]!.toLowerCase()]!;
      text.value = text.value.slice(match[0].length);
      // `> [!NOTE]` alone on its line: the marker's paragraph may hold only a line break now.
      if (first.children.length > 1 && first.children[1]?.type === "element" && (first.children[1] as Element).tagName === "br" && !text.value) first.children.splice(0, 2);
      const heading: ElementContent = { type: "element", tagName: "p", properties: { className: ["callout-title"] }, children: [{ type: "text", value: title }] };
      const rest = first.children.every((child) => child.type === "text" && !child.value.trim());
      node.children.splice(node.children.indexOf(first), rest ? 1 : 0, heading);
      node.properties.className = [...classes, "callout", `callout-${kind}`];
    });
  };
}
