import type { PhrasingContent, Text } from "mdast";
import type { Point } from "unist";

/**
 * One source line of a paragraph, as phrasing nodes. kramdown's block syntax
 * (`{: .class}`, `{::comment}`) is line based, but mdast keeps a paragraph's
 * lines in one text node; splitting at the newlines of the paragraph's own
 * text children gives the lines back without re-parsing anything.
 */
export interface LineGroup {
  nodes: PhrasingContent[];
  /** Source line numbers, when the nodes have positions. */
  startLine?: number;
  endLine?: number;
}

/** The group's text when it is a single plain text node, else undefined. */
export function lineText(group: LineGroup): string | undefined {
  const [only] = group.nodes;
  return group.nodes.length === 1 && only?.type === "text" ? only.value : undefined;
}

/**
 * Splits phrasing content at the newlines of its direct text nodes. Nodes that
 * span lines themselves (emphasis over a line break) stay whole in the line
 * where they start. `source` only makes columns and offsets exact.
 */
export function splitLines(children: readonly PhrasingContent[], source?: Source): LineGroup[] {
  const groups: LineGroup[] = [{ nodes: [] }];
  const current = (): LineGroup => groups[groups.length - 1] as LineGroup;
  for (const child of children) {
    if (child.type !== "text") {
      add(current(), child);
      // A hard break ends the source line, though it leaves no newline in any text.
      if (child.type === "break") groups.push({ nodes: [] });
      continue;
    }
    child.value.split("\n").forEach((part, index) => {
      if (index > 0) groups.push({ nodes: [] });
      if (part !== "") add(current(), fragment(child, part, index, source));
    });
  }
  return groups.filter((group) => group.nodes.length > 0);
}

/** The inverse of splitLines: lines joined with newlines, neighbouring text nodes merged. */
export function joinLines(groups: readonly LineGroup[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  groups.forEach((group, index) => {
    const previous = result[result.length - 1];
    if (index > 0 && previous?.type !== "break") appendText(result, { type: "text", value: "\n" });
    for (const node of group.nodes) {
      if (node.type === "text") appendText(result, { ...node });
      else result.push(node);
    }
  });
  return result;
}

function appendText(result: PhrasingContent[], text: Text): void {
  const previous = result[result.length - 1];
  if (previous?.type !== "text") {
    result.push(text);
    return;
  }
  previous.value += text.value;
  if (previous.position && text.position) previous.position = { start: previous.position.start, end: text.position.end };
}

function add(group: LineGroup, node: PhrasingContent): void {
  group.nodes.push(node);
  const position = node.position;
  if (!position) return;
  group.startLine ??= position.start.line;
  group.endLine = position.end.line;
}

function fragment(text: Text, value: string, lineIndex: number, source?: Source): Text {
  const node: Text = { type: "text", value };
  const start = text.position?.start;
  if (!start) return node;
  const line = start.line + lineIndex;
  // Continuation lines lose their indentation (and container prefixes) in mdast, so look the column up.
  const sourceLine = source?.lines[line - 1];
  const found = sourceLine === undefined ? -1 : sourceLine.indexOf(value);
  const column = lineIndex === 0 ? start.column : found >= 0 ? found + 1 : 1;
  // rehype-raw insists on offsets wherever there is a position.
  const lineStart = source?.lineStarts[line - 1];
  const offset = lineIndex === 0 ? start.offset : lineStart === undefined ? undefined : lineStart + column - 1;
  if (offset === undefined) return node;
  const from: Point = { line, column, offset };
  node.position = { start: from, end: { line, column: column + value.length, offset: offset + value.length } };
  return node;
}

/** The parsed Markdown, split into lines, with where each line starts. */
export interface Source {
  value: string;
  lines: string[];
  lineStarts: number[];
}

export function toSource(value: string): Source {
  const lines: string[] = [];
  const lineStarts: number[] = [];
  // Same line endings as micromark: \r\n, \r or \n.
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    lines.push(value.slice(start, match.index));
    lineStarts.push(start);
    start = match.index + match[0].length;
  }
  lines.push(value.slice(start));
  lineStarts.push(start);
  return { value, lines, lineStarts };
}
