import matter from "gray-matter";
import { parseYaml } from "./yaml";
import { problem, type ContentProblem } from "./problems";

export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** File line of a front matter key, when known. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  problems: ContentProblem[];
}

// gray-matter finds the block; YAML is parsed by lib/content/yaml, which keeps line numbers.
const SPLIT_ONLY = { engines: { yaml: { parse: () => ({}) as object, stringify: () => "" } } };

const OPENS_FRONT_MATTER = /^---[ \t]*\n/;

function frontMatterIsClosed(text: string): boolean {
  return /\n---[ \t]*(\n|$)/.test(text.slice(3));
}

/**
 * Jekyll also ends front matter at a `...` line (YAML's end of document);
 * gray-matter only knows `---`, so the first closing line, if it is `...`,
 * is read as `---` (same length: lines and offsets stay).
 */
function withDashedClose(text: string): string {
  if (!OPENS_FRONT_MATTER.test(text)) return text;
  const close = /\n(---|\.\.\.)[ \t]*(?=\n|$)/.exec(text.slice(3));
  if (!close || close[1] === "---") return text;
  const at = 3 + close.index + 1;
  return `${text.slice(0, at)}---${text.slice(at + 3)}`;
}

/** The body alone, as `splitFrontMatter` gives it, without parsing the YAML: for posts read again from a cached snapshot. */
export function bodyOf(original: string): string {
  const text = withDashedClose(original);
  return OPENS_FRONT_MATTER.test(text) && frontMatterIsClosed(text) ? matter(text, SPLIT_ONLY).content : text;
}

/** Splits a post into front matter and Markdown body. */
export function splitFrontMatter(original: string, file: string): SplitFile {
  const text = withDashedClose(original);
  const problems: ContentProblem[] = [];
  const none = { data: {}, body: text, bodyLine: 1, lineOf: () => undefined };
  if (!OPENS_FRONT_MATTER.test(text)) {
    // Hugo's TOML (+++) and JSON ({) front matter are recognised, to say exactly what to change.
    const foreign = /^\+\+\+[ \t]*\n/.test(text) ? "TOML front matter (`+++`) is not read" : /^\{\s*\n?\s*"/.test(text) ? "JSON front matter is not read" : undefined;
    problems.push(problem({
      rule: "front-matter/missing", file, line: 1,
      message: foreign ? `${foreign}: Jekyll front matter is YAML between two \`---\` lines` : "The post has no front matter",
      found: JSON.stringify(text.split("\n", 1)[0]?.slice(0, 40) ?? ""),
      expected: "a first line `---`, then `title: ...` and other fields, then a closing `---`",
      hint: foreign ? "rewrite the block as YAML (`key: value` lines) between `---` lines" : "add a front matter block at the top of the file",
    }));
    return { ...none, problems };
  }
  const split = matter(text, SPLIT_ONLY);
  if (!frontMatterIsClosed(text)) {
    problems.push(problem({
      rule: "front-matter/missing", file, line: 1,
      message: "The front matter block is never closed",
      expected: "a line `---` after the last front matter field",
      hint: "add a line with `---` between the front matter and the post's text",
    }));
    return { ...none, problems };
  }
  const yaml = parseYaml(split.matter);
  for (const error of yaml.errors) {
    problems.push(problem({
      rule: "front-matter/yaml-syntax", file, line: error.line, column: error.column,
      message: `The front matter is not valid YAML: ${error.message}`,
      hint: yamlHint(error.message),
    }));
  }
  for (const { key, lines } of yaml.duplicateKeys) {
    problems.push(problem({
      rule: "front-matter/duplicate-key", file, line: lines.at(-1), field: key,
      message: `\`${key}\` is set ${lines.length} times (lines ${lines.join(", ")}); the last one is used, as in Jekyll`,
      expected: "each key once", hint: `remove the \`${key}\` you did not mean`,
    }));
  }
  let data: Record<string, unknown> = {};
  if (yaml.errors.length === 0) {
    if (yaml.data && typeof yaml.data === "object" && !Array.isArray(yaml.data)) {
      data = yaml.data as Record<string, unknown>;
    } else if (yaml.data !== null && yaml.data !== undefined) {
      problems.push(problem({
        rule: "front-matter/not-a-mapping", file, line: 2,
        message: "The front matter is not a set of `key: value` fields",
        found: Array.isArray(yaml.data) ? "a list" : `a ${typeof yaml.data}`,
        expected: "fields such as `title: My post`",
      }));
    }
  }
  const bodyOffset = text.length - split.content.length;
  const bodyLine = text.slice(0, bodyOffset).split("\n").length;
  return { data, body: split.content, bodyLine, lineOf: yaml.lineOf, problems };
}

/** The likely fix for a YAML error, by what the parser said. */
function yamlHint(message: string): string {
  if (/tab/i.test(message)) return "indent with spaces; YAML does not allow tabs there";
  if (/quote/i.test(message)) return "close the quote on the same line, or drop the quotes";
  if (/unique|duplicate/i.test(message)) return "write each key once";
  if (/expand to more than/.test(message)) return "write the values out instead of repeating them through aliases";
  return "quote values that contain `: ` or start with `[`, `{`, `*`, `&`, `!`, `%`, `@` or a backquote";
}
