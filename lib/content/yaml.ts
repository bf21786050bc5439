import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Tags } from "yaml";

/**
 * YAML as Jekyll reads it (YAML 1.1: `yes`/`no` are booleans), except that
 * timestamps stay strings: dates are interpreted in the site's timezone by
 * lib/content/dates, not as UTC by the YAML parser.
 */
export interface ParsedYaml {
  data: unknown;
  errors: { message: string; line: number; column: number }[];
  /** 1-based line of a key's value inside the YAML text, when known. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** Top-level keys written more than once (the last value is used, as in Jekyll), with each line. */
  duplicateKeys: { key: string; lines: number[] }[];
}

const WITHOUT_TIMESTAMPS = {
  version: "1.1" as const,
  customTags: (tags: Tags) =>
    tags.filter((tag) => typeof tag === "string" ? tag !== "timestamp" : tag.tag !== "tag:yaml.org,2002:timestamp"),
  // Caps alias expansion: a "billion laughs" front matter is an error, not a hang.
  maxAliasCount: 100,
  uniqueKeys: false,
};

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...WITHOUT_TIMESTAMPS, lineCounter, prettyErrors: false });
  const errors = doc.errors.map((error) => {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    const message = error.message.split("\n")[0] ?? error.message;
    // The parser notices a missing closing quote only lines later; point at the line that opened it.
    const line = error.code === "MISSING_CHAR" && /quote/i.test(message) ? openingQuoteLine(text, pos.line) ?? pos.line : pos.line;
    return { message, line, column: line === pos.line ? pos.col : 1 };
  });
  let data: unknown = null;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Aliases fail here: one without its anchor (`tags: [*nix]`, `*Updated*`), or too many expanded ("billion laughs").
      const message = (error as Error).message;
      const excessive = /excessive alias count/i.test(message);
      const unresolved = /unresolved alias/i.exec(message) ? message.replace(/^.*:\s*/, "") : undefined;
      const line = aliasLine(doc, lineCounter, excessive ? undefined : unresolved);
      errors.push({
        message: excessive ? "aliases (`*name`) expand to more than 100 values; the YAML is not read"
          : unresolved !== undefined ? `\`*${unresolved}\` reads as a YAML alias, but no \`&${unresolved}\` anchor comes before it` : message,
        line: line ?? 1, column: 1,
      });
    }
  }
  const keyLines = new Map<string, number[]>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const keyNode = pair.key as Node | null;
      const key = (keyNode as { value?: unknown } | null)?.value;
      if (typeof key !== "string" || !keyNode?.range) continue;
      keyLines.set(key, [...(keyLines.get(key) ?? []), lineCounter.linePos(keyNode.range[0]).line]);
    }
  }
  const duplicateKeys = [...keyLines].filter(([, lines]) => lines.length > 1).map(([key, lines]) => ({ key, lines }));
  return {
    data,
    errors,
    duplicateKeys,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line: number | undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
          if (!pair) return line;
          const keyNode = pair.key as Node | null;
          if (keyNode?.range) line = lineCounter.linePos(keyNode.range[0]).line;
          node = pair.value;
        } else if (isSeq(node) && typeof key === "number") {
          node = node.items[key];
          const range = (node as Node | undefined)?.range;
          if (range) line = lineCounter.linePos(range[0]).line;
        } else {
          return line;
        }
      }
      return line;
    },
  };
}

/** The last line at or before `line` whose value opens a quote that the line does not close. */
function openingQuoteLine(text: string, line: number): number | undefined {
  const lines = text.split("\n");
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const value = /^\s*(?:-\s+)?[^:#]+:\s*(["'])(.*)$/.exec(lines[i] ?? "");
    if (!value) continue;
    const [, quote, rest] = value;
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest!) : /'(?!')/.test(rest!.replace(/''/g, ""));
    if (!closed) return i + 1;
  }
  return undefined;
}

/** The line of the first alias in the document, or of the first one named `name`. */
function aliasLine(doc: Document, lineCounter: LineCounter, name?: string): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (name !== undefined && node.source !== name) return undefined;
      if (node.range) line = lineCounter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}
