import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { toString } from "hast-util-to-string";
import { visit } from "../tree";

/**
 * kramdown's math (`$$ ... $$`, inline or on lines of their own) and GitHub's
 * ```` ```math ```` blocks, typeset by KaTeX at build time as MathML, which
 * browsers lay out themselves: no script, stylesheet or font to load.
 * TeX that KaTeX cannot read is reported (markdown/bad-math) and shown in red.
 */
export function rehypeMath() {
  return async (tree: Root, file: VFile) => {
    // Most posts have no math: they skip the tree walk, and no process loads KaTeX until a post needs it.
    if (!/\$\$|math/.test(String(file.value))) return;
    const typeset = await katexTransform();
    displayLoneMath(tree);
    reportUntrustedCommands(tree, file);
    reportProseAsMath(tree, file);
    const before = file.messages.length;
    typeset(tree, file);
    // The TeX source KaTeX keeps in <annotation> would be read as text by heading ids, the table of contents, feeds and search.
    removeAnnotations(tree);
    for (const message of file.messages.slice(before)) {
      const cause = message.cause instanceof Error ? message.cause.message.replace(/^KaTeX parse error: /, "") : "";
      message.ruleId = "markdown/bad-math";
      message.reason = `Math that KaTeX cannot typeset${cause ? `: ${cause}` : ""}; it is shown as written, in red`;
      message.expected = ["TeX math that KaTeX supports (https://katex.org/docs/supported)"];
      message.note = "fix the TeX; to show dollar signs as text, escape them (\\$\\$)";
    }
  };
}

let transform: Promise<(tree: Root, file: VFile) => void> | undefined;

function katexTransform(): Promise<(tree: Root, file: VFile) => void> {
  transform ??= import("rehype-katex").then(({ default: rehypeKatex }) => rehypeKatex({ output: "mathml", strict: "ignore" }));
  return transform;
}

const UNTRUSTED = /\\(includegraphics|html(?:Class|Id|Style|Data)|href|url)\b/g;

/** Commands KaTeX does not run in a post (files, HTML attributes, links: MathML links are not followed everywhere), said before they turn red. */
function reportUntrustedCommands(tree: Root, file: VFile): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName !== "code") return;
    if (!mathClasses(node).some((name) => name === "language-math" || name === "math-inline" || name === "math-display")) return;
    const tex = toString(node);
    for (const match of tex.matchAll(UNTRUSTED)) {
      const command = match[1]!;
      const link = command === "href" || command === "url";
      const message = file.message(
        link
          ? `\\${command} in math is not supported; it is shown as written, in red`
          : `\\${command} is not allowed in a post's math (it would load a file or set HTML attributes); it is shown as written, in red`,
        { place: node.position, ruleId: "markdown/bad-math", source: "math" },
      );
      message.actual = match[0];
      message.expected = ["TeX without \\href, \\url, \\includegraphics or \\html... commands"];
      message.note = link ? "put the link in the text next to the math" : "use a Markdown image or HTML outside the math";
    }
  });
}

/** Three plain words in a row and no TeX command: most likely prose between two shell `$$`s (`echo $$ ... kill $$`). */
const PROSE = /(?:^|\s)[A-Za-z]{2,}(?:[ \t]+[A-Za-z]{2,}[,.;:]?){2,}(?:\s|$)/;

function reportProseAsMath(tree: Root, file: VFile): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName !== "code" || !mathClasses(node).includes("math-inline")) return;
    const tex = toString(node);
    if (tex.includes("\\") || !PROSE.test(tex)) return;
    const message = file.message(`The text between two $$ is typeset as math, but it reads as prose: "${tex.trim().slice(0, 60)}"`, { place: node.position, ruleId: "markdown/bad-math", source: "math" });
    message.actual = `$$${tex}$$`;
    message.expected = ["math between $$ and $$, or \\$\\$ for dollar signs in text"];
    message.note = "if the dollars are text (a shell's $$), write them as \\$\\$ or put the command in `code`";
  });
}

function mathClasses(node: Element): string[] {
  return Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
}

/** kramdown typesets `$$ ... $$` that is a paragraph on its own as a display formula, not as inline math. */
function displayLoneMath(tree: Root): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName !== "p") return;
    const content = node.children.filter((child) => !(child.type === "text" && !child.value.trim()));
    const only = content.length === 1 ? content[0] : undefined;
    if (only?.type !== "element" || only.tagName !== "code") return;
    const classes = mathClasses(only);
    if (!classes.includes("math-inline") && !classes.includes("language-math")) return;
    node.tagName = "pre";
    node.children = [{ ...only, properties: { ...only.properties, className: ["language-math", "math-display"] } }];
  });
}

function removeAnnotations(tree: Root): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName !== "semantics") return;
    node.children = node.children.filter((child) => !(child.type === "element" && child.tagName === "annotation"));
  });
}
