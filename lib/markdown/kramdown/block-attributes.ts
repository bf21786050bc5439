import type { Nodes, Paragraph, Parents, Root, RootContent, Table } from "mdast";
import type { Node } from "unist";
import { applyAttributeList, type KramdownContext } from "./apply";
import { ALD_LINE, IAL_LINE } from "./attribute-list";
import { joinLines, lineText, splitLines, type LineGroup } from "./lines";
import { report } from "./rules";

type Piece = { kind: "content"; groups: LineGroup[]; paragraph: Paragraph } | { kind: "ial"; body: string; group: LineGroup; node: Node };

/**
 * Block IALs: a line holding only `{: ...}` directly after (or before) a
 * block. In mdast such a line is usually the last (or first) line of a
 * paragraph, a lazy continuation line of a list or blockquote, the last row
 * of a table, or a paragraph of its own next to the block.
 */
export function applyBlockAttributeLists(tree: Root, context: KramdownContext): void {
  processParent(tree, [], context);
}

function processParent(parent: Parents, ancestors: Parents[], context: KramdownContext): void {
  const chain = [...ancestors, parent];
  for (const child of parent.children) {
    if (child.type === "table") applyTrailingRow(child, context);
    else if ("children" in child && child.type !== "paragraph" && child.type !== "heading") processParent(child, chain, context);
  }

  const output: RootContent[] = [];
  parent.children.forEach((child, index) => {
    if (child.type !== "paragraph") {
      output.push(child);
      return;
    }
    const next = parent.children[index + 1];
    output.push(...processParagraph(child, { previous: output[output.length - 1], next, chain, isLast: next === undefined }, context));
  });
  parent.children = output;
}

interface Surroundings {
  previous: RootContent | undefined;
  next: RootContent | undefined;
  /** Root down to the paragraph's parent. */
  chain: Parents[];
  isLast: boolean;
}

/** Splits the paragraph at its IAL lines and applies each IAL; returns what replaces the paragraph. */
function processParagraph(paragraph: Paragraph, around: Surroundings, context: KramdownContext): Paragraph[] {
  const { pieces, changed } = toPieces(paragraph, context);
  if (!changed) return [paragraph];

  pieces.forEach((piece, index) => {
    if (piece.kind !== "ial") return;
    const target = targetOf(pieces, index, paragraph, around, context);
    if (target) applyAttributeList(context, target, piece.body, piece.node);
    else report(context.file, `Ignored the attribute list \`{:${piece.body}}\`: there is no block directly before or after it`, piece.node, "kramdown/unattached-ial");
  });

  return pieces.flatMap((piece) => (piece.kind === "content" ? [piece.paragraph] : []));
}

function toPieces(paragraph: Paragraph, context: KramdownContext): { pieces: Piece[]; changed: boolean } {
  const pieces: Piece[] = [];
  let changed = false;
  for (const group of splitLines(paragraph.children, context.source)) {
    const text = lineText(group);
    const ial = text === undefined ? null : IAL_LINE.exec(text);
    const node = group.nodes[0];
    if (text !== undefined && node && ALD_LINE.test(text)) {
      changed = true;
      report(context.file, `Removed the attribute list definition \`${text.trim()}\`: definitions are not supported, write the attributes where they are used`, node, "kramdown/attribute-definition");
    } else if (ial && node) {
      changed = true;
      pieces.push({ kind: "ial", body: ial[1] ?? "", group, node });
    } else {
      const last = pieces[pieces.length - 1];
      if (last?.kind === "content") last.groups.push(group);
      else pieces.push({ kind: "content", groups: [group], paragraph });
    }
  }

  // Each run of content lines becomes a paragraph of its own; the first keeps the original node (and any data on it).
  let first = true;
  for (const piece of pieces) {
    if (piece.kind !== "content") continue;
    const children = joinLines(piece.groups);
    const start = children[0]?.position?.start;
    const end = children[children.length - 1]?.position?.end;
    const position = start && end ? { start, end } : undefined;
    piece.paragraph = first ? paragraph : { type: "paragraph", children };
    piece.paragraph.children = children;
    if (position) piece.paragraph.position = position;
    first = false;
  }
  return { pieces, changed };
}

/**
 * kramdown's rule: an IAL applies to the block directly before it, else to
 * the block directly after it; "directly" means no blank line in between.
 */
function targetOf(pieces: Piece[], index: number, paragraph: Paragraph, around: Surroundings, context: KramdownContext): Nodes | undefined {
  const piece = pieces[index] as Extract<Piece, { kind: "ial" }>;
  const before = pieces.slice(0, index).filter((p) => p.kind === "content");
  const after = pieces.slice(index + 1).filter((p) => p.kind === "content");

  if (after.length === 0 && before.length > 0 && around.isLast) {
    const container = lazyContainer(piece.group, paragraph, around.chain, context);
    if (container) return container;
  }
  const previousContent = before[before.length - 1];
  if (previousContent?.kind === "content") return previousContent.paragraph;
  if (around.previous && adjacent(around.previous, paragraph.position?.start.line)) return around.previous;
  const nextContent = after[0];
  if (nextContent?.kind === "content") return nextContent.paragraph;
  const line = piece.group.endLine;
  if (around.next && line !== undefined && around.next.position?.start.line === line + 1) return around.next;
  return undefined;
}

function adjacent(block: RootContent, line: number | undefined): boolean {
  return line !== undefined && block.position?.end.line === line - 1;
}

/**
 * A trailing IAL line in a list item or blockquote is often a lazy
 * continuation line: not indented under the item, or without `>`. kramdown
 * then applies it to the list or blockquote, which is how `* TOC` + `{:toc}`
 * works. Returns that container, or undefined when the line belongs to the
 * paragraph's own container.
 */
function lazyContainer(group: LineGroup, paragraph: Paragraph, chain: Parents[], context: KramdownContext): Parents | undefined {
  const line = group.startLine === undefined ? undefined : context.source?.lines[group.startLine - 1];
  if (line === undefined) return undefined;
  const column = line.indexOf("{:") + 1;

  let inner: Parents = paragraph;
  for (let index = chain.length - 1; index >= 0; index--) {
    const container = chain[index] as Parents;
    if (container.type !== "list" && belongsTo(container, line, column)) return inner === paragraph ? undefined : inner;
    // Only the last line of a container can be continued lazily.
    if (container.children[container.children.length - 1] !== inner) return undefined;
    inner = container;
  }
  return undefined;
}

function belongsTo(container: Parents, line: string, column: number): boolean {
  const start = container.position?.start;
  if (!start) return true;
  if (container.type === "blockquote") return line[start.column - 1] === ">";
  if (container.type === "listItem") {
    const first = container.children[0]?.position?.start;
    const contentColumn = first && first.line === start.line ? first.column : start.column + 2;
    return column >= contentColumn;
  }
  return true;
}

/** GFM reads a line after a table as one more row, so `{: .class}` under a table arrives as its last row. */
function applyTrailingRow(table: Table, context: KramdownContext): void {
  const row = table.children[table.children.length - 1];
  if (!row || table.children.length < 2 || row.children.length !== 1) return;
  const cell = row.children[0];
  const text = cell?.children.length === 1 && cell.children[0]?.type === "text" ? cell.children[0] : undefined;
  const match = text ? IAL_LINE.exec(text.value) : null;
  if (!match) return;
  table.children.pop();
  if (table.position && row.position) table.position.end = table.children[table.children.length - 1]?.position?.end ?? table.position.end;
  applyAttributeList(context, table, match[1] ?? "", text);
}
