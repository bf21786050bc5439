/**
 * The deepest nesting of Markdown containers (blockquotes, list items) a post
 * may have. Past it, remark's parser (micromark) slows down with lines times
 * depth squared: 400 nested list levels take 2 s to parse, 800 take 15 s, and
 * 3,000 did not finish in 5 minutes, so one hostile file could stall a build.
 * markdown-it stops at the same depth (its maxNesting); real posts stay under 10.
 */
export const MAX_NESTING = 100;

export interface DeepNesting {
  /** 1-based line in the Markdown given. */
  line: number;
  depth: number;
}

/** The first line whose containers nest deeper than MAX_NESTING, if any. */
export function findDeepNesting(markdown: string): DeepNesting | undefined {
  let line = 0;
  let start = 0;
  while (start <= markdown.length) {
    line++;
    let end = markdown.indexOf("\n", start);
    if (end === -1) end = markdown.length;
    const depth = containerDepth(markdown, start, end);
    if (depth > MAX_NESTING) return { line, depth };
    start = end + 1;
  }
  return undefined;
}

/**
 * How deep a line's containers go, from how it starts: one level per `>` and
 * list marker it opens, plus one per two columns of indentation in front of
 * them (the least a nested list item is indented). An estimate, never below
 * the real depth of a line that opens a container; it is only compared with MAX_NESTING.
 */
function containerDepth(text: string, start: number, end: number): number {
  let markers = 0;
  let columns = 0;
  let at = start;
  for (;;) {
    while (at < end && (text[at] === " " || text[at] === "\t")) {
      columns += text[at] === "\t" ? 4 : 1;
      at++;
    }
    const char = text[at];
    if (char === ">") {
      markers++;
      at++;
      continue;
    }
    let markerEnd = at;
    if (char === "-" || char === "*" || char === "+") markerEnd = at + 1;
    else {
      while (markerEnd < end && markerEnd - at < 9 && text[markerEnd]! >= "0" && text[markerEnd]! <= "9") markerEnd++;
      markerEnd = markerEnd > at && (text[markerEnd] === "." || text[markerEnd] === ")") ? markerEnd + 1 : at;
    }
    const followedBySpace = markerEnd === end || text[markerEnd] === " " || text[markerEnd] === "\t";
    if (markerEnd === at || !followedBySpace) break;
    markers++;
    at = markerEnd;
  }
  // The space after each marker belongs to the marker; what is left is indentation.
  return markers === 0 ? 0 : markers + Math.floor(Math.max(0, columns - markers) / 2);
}
