import { LiquidError, TypeGuards, type Context, type Template, type Token } from "liquidjs";
import { createContext, dropBaseurlBeforeUrlTags, engine, errorMessage, normalizeRawEnd, prepare, type RenderState } from "./engine";
import { closest } from "@/lib/content/suggest";
import type { LiquidContext, LiquidProblem, LiquidResult } from "./types";

/** Each repair removes markup, so this only bounds pathological input. */
const MAX_REPAIRS = 200;

/**
 * Renders a post body's Liquid, as Jekyll does before Markdown. Never
 * throws: a syntax error becomes a `liquid/syntax` problem, the broken
 * markup is removed (keeping the line count) and rendering starts over.
 */
export async function renderLiquid(body: string, ctx: LiquidContext): Promise<LiquidResult> {
  // Without a tag or an output there is nothing to render, and nothing to report: most posts of a
  // large blog. Parsing them anyway took 2% of rendering.
  if (!body.includes("{%") && !body.includes("{{")) return { markdown: body, originalLine: (line) => line, blocks: new Map(), problems: [] };
  const syntax: LiquidProblem[] = [];
  let source = dropBaseurlBeforeUrlTags(normalizeRawEnd(body));
  let rawClosed = false;
  let commentClosed = false;

  for (let attempt = 0; attempt < MAX_REPAIRS; attempt += 1) {
    const state: RenderState = { ctx, source, blocks: new Map(), nextId: 0, problems: [], includeDepth: 0 };
    try {
      const { templates, unknown } = prepare(source);
      // A "tag" that runs over a blank line is a stray `{%` that met a later `%}`: rendering it as an
      // unknown tag would drop every paragraph in between.
      const stray = unknown.find((token) => /\n[ \t]*\n/.test(token.getText()));
      if (stray) {
        syntax.push(strayOpeningProblem(stray, source));
        source = cut(source, stray.begin, stray.begin + 2);
        continue;
      }
      for (const token of unknown) {
        state.problems.push({
          rule: "liquid/unknown-tag",
          line: lineOf(token),
          message: `Unknown Liquid tag {% ${token.name} %} (renders nothing)`,
          found: token.name,
          hint: "Jekyll plugins do not run here; register a renderer in lib/markdown/liquid/tags/ or remove the tag.",
        });
      }
      const { markdown, originalLine } = await renderWithLineMap(templates, createContext(state));
      const undefinedOnes = undefinedVariables(source);
      // `{{ github.sha | foo }}` is code that needs {% raw %}: one warning saying so, not a second about its filter.
      const reported = new Set(undefinedOnes.map((p) => `${p.line}:${p.found}`));
      const filters = unknownFilters(source).filter((p) => !reported.has(`${p.line}:${p.found}`));
      return { markdown, originalLine, blocks: state.blocks, problems: byLine([...syntax, ...state.problems, ...undefinedOnes, ...filters]) };
    } catch (error) {
      const repair = repairFor(error, source, rawClosed, commentClosed);
      if (!repair) break;
      syntax.push(repair.problem);
      source = repair.source;
      rawClosed ||= repair.closedRaw;
      commentClosed ||= repair.closedComment === true;
    }
  }

  syntax.push({
    rule: "liquid/syntax",
    line: 1,
    message: "The post's Liquid could not be repaired; it is shown with all Liquid markup removed",
  });
  // stripLiquid keeps every line break, so lines map to themselves.
  return { markdown: stripLiquid(body), originalLine: (line) => line, blocks: new Map(), problems: byLine(syntax) };
}

interface Repair {
  source: string;
  problem: LiquidProblem;
  closedRaw: boolean;
  closedComment?: boolean;
}

/** A `{%` whose `%}` comes only paragraphs later: the `{%` is left out, and the text between kept. */
function strayOpeningProblem(token: Token, source: string): LiquidProblem {
  const linesDown = token.getText().match(/\n/g)?.length ?? 0;
  return {
    rule: "liquid/syntax",
    line: lineOf(token),
    message: `\`{%\` is not closed before the paragraph ends (the next \`%}\` is ${linesDown} lines further down); it is left out and the text in between is kept`,
    found: snippet(source.slice(token.begin)),
    expected: "{% tag %} on one line, or a paragraph without `{%`",
    hint: "Close the tag with `%}`, or wrap text that should show `{%` in {% raw %}...{% endraw %}.",
  };
}

/** What to cut out of the source for the error at hand; undefined if the error cannot be located. */
function repairFor(error: unknown, source: string, rawClosed: boolean, commentClosed: boolean): Repair | undefined {
  if (!LiquidError.is(error)) return undefined;
  const token = error.token;
  if (token.input !== source) return undefined;
  const message = errorMessage(error);
  const line = lineOf(token);
  const at = token.begin;

  if (error.name === "TokenizationError") {
    // An unclosed `{% raw %}`: the author meant the rest to be literal text.
    if (message.startsWith("raw ") && !rawClosed) {
      return {
        source: `${source}{% endraw %}`,
        closedRaw: true,
        problem: {
          rule: "liquid/syntax",
          line,
          message: "{% raw %} is never closed; the rest of the post is shown as written",
          expected: "{% endraw %}",
          hint: "Add {% endraw %} where the literal text ends.",
        },
      };
    }
    const delimiter = source.slice(at, at + 2);
    if (delimiter !== "{%" && delimiter !== "{{") return enclosingMarkupRepair(source, at, message);
    const close = delimiter === "{%" ? "%}" : "}}";
    return {
      source: cut(source, at, at + 2),
      closedRaw: false,
      problem: {
        rule: "liquid/syntax",
        line,
        message: `\`${delimiter}\` is never closed with \`${close}\`; it is left out`,
        found: snippet(source.slice(at)),
        expected: delimiter === "{%" ? "{% tag %}" : "{{ variable }}",
        hint: `Close it with \`${close}\`, or wrap text that should show \`${delimiter}\` in {% raw %}...{% endraw %}.`,
      },
    };
  }

  const text = token.getText();
  // A token over several lines is likely a stray `{{` that ran into a later `}}`: drop only the delimiter.
  const end = text.includes("\n") ? at + 2 : token.end;
  let problem: LiquidProblem;
  // An unclosed `{% comment %}`: the author meant the rest to be hidden, as an unclosed `<!--` hides it.
  // (Not a stray `{% comment...` whose `%}` comes paragraphs later: only its `{%` goes, below.)
  if (TypeGuards.isTagToken(token) && token.name === "comment" && /not closed$/.test(message) && !commentClosed && !/\n[ \t]*\n/.test(text)) {
    return {
      source: `${source}{% endcomment %}`,
      closedRaw: false,
      closedComment: true,
      problem: {
        rule: "liquid/syntax",
        line,
        message: "{% comment %} is never closed; the rest of the post is hidden",
        found: snippet(text),
        expected: "{% endcomment %}",
        hint: "Add {% endcomment %} where the hidden text ends.",
      },
    };
  }
  if (TypeGuards.isTagToken(token) && /not closed$/.test(message)) {
    problem = {
      rule: "liquid/syntax",
      line,
      message: `{% ${token.name} %} is never closed; the tag is left out`,
      found: snippet(text),
      expected: `{% end${token.name} %}`,
      hint: `Add {% end${token.name} %} after the block, or remove the opening tag.`,
    };
  } else if (TypeGuards.isTagToken(token) && /^tag ".*" not found$/.test(message)) {
    problem = {
      rule: "liquid/syntax",
      line,
      message: `{% ${token.name} %} has no opening tag; it is left out`,
      found: snippet(text),
      hint: "Remove it, or add the tag that opens the block.",
    };
  } else {
    problem = {
      rule: "liquid/syntax",
      line,
      message: `Liquid error: ${message}; the markup is left out`,
      found: snippet(text),
    };
  }
  return { source: cut(source, at, end), closedRaw: false, problem };
}

/**
 * An error inside one `{{ ... }}` or `{% ... %}` that the tokenizer reports at
 * the offending character (`{{ a || b }}`, a Jinja `default('x')`, GitHub
 * Actions' `${{ x || y }}`): that markup is cut, as lax Liquid (Jekyll's)
 * renders it as nothing, and the rest of the post keeps its Liquid.
 */
function enclosingMarkupRepair(source: string, at: number, message: string): Repair | undefined {
  const begin = Math.max(source.lastIndexOf("{{", at), source.lastIndexOf("{%", at));
  if (begin < 0) return undefined;
  const close = source.startsWith("{{", begin) ? "}}" : "%}";
  const closeAt = source.indexOf(close, at);
  if (closeAt < 0) return undefined;
  const end = closeAt + close.length;
  const text = source.slice(begin, end);
  return {
    source: cut(source, begin, end),
    closedRaw: false,
    problem: {
      rule: "liquid/syntax",
      line: 1 + (source.slice(0, begin).match(/\n/g)?.length ?? 0),
      message: `Liquid cannot read this markup (${message}); it is left out and the rest of the post's Liquid still runs`,
      found: snippet(text),
      expected: "Liquid markup such as {{ page.title | upcase }}",
      hint: "if it is code shown in the post (GitHub Actions, Jinja, Helm, Vue), wrap it in {% raw %}...{% endraw %}",
    },
  };
}

/** Where one top-level piece of the template starts in the output and in the body, and how many body lines it spans. */
interface LineAnchor {
  outputLine: number;
  sourceLine: number;
  sourceLines: number;
}

/**
 * Renders the top-level pieces one by one (text, outputs, tags) into one
 * output, noting where each starts, so a problem found in the Markdown can be
 * reported on the body's line: text keeps its lines, and a line printed by a
 * tag maps into the tag's own lines.
 */
async function renderWithLineMap(templates: Template[], context: Context): Promise<{ markdown: string; originalLine: (line: number) => number }> {
  const anchors: LineAnchor[] = [];
  let markdown = "";
  let outputLine = 1;
  for (const template of templates) {
    const token = template.token;
    const sourceLine = lineOf(token);
    const sourceLines = 1 + countNewlines(token.input, token.begin, token.end);
    anchors.push({ outputLine, sourceLine, sourceLines });
    const text = String(await engine.render([template], context));
    markdown += text;
    outputLine += countNewlines(text, 0, text.length);
  }
  const originalLine = (line: number): number => {
    let low = 0;
    let high = anchors.length - 1;
    // The last piece that starts at or before the line.
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (anchors[mid]!.outputLine <= line) low = mid;
      else high = mid - 1;
    }
    const anchor = anchors[low];
    if (!anchor || anchor.outputLine > line) return line;
    return anchor.sourceLine + Math.min(line - anchor.outputLine, anchor.sourceLines - 1);
  };
  return { markdown, originalLine };
}

function countNewlines(text: string, begin: number, end: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", begin); at !== -1 && at < end; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function lineOf(token: Token): number {
  return token.getPosition()[0] ?? 1;
}

/** Removes [begin, end) but keeps its line breaks, so later lines keep their numbers. */
function cut(source: string, begin: number, end: number): string {
  return source.slice(0, begin) + source.slice(begin, end).replace(/[^\n]/g, "") + source.slice(end);
}

function snippet(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Last resort: the body without any Liquid markup. */
function stripLiquid(body: string): string {
  return body
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, (markup) => markup.replace(/[^\n]/g, ""))
    .replace(/\{[%{]/g, "");
}

/** What a post's `{{ }}` can name without defining it: Jekyll's objects, Liquid's loop objects and literals. */
const KNOWN_ROOTS = new Set(["site", "page", "paginator", "jekyll", "content", "layout", "include", "forloop", "tablerowloop", "true", "false", "nil", "null", "empty", "blank"]);

/**
 * `{{ name... }}` where `name` is neither one of Jekyll's objects nor set in
 * the post (assign, capture, for, ...): it renders nothing, silently, as in
 * Jekyll. Most often it is code shown in the post (GitHub Actions'
 * `${{ github.ref }}`, Vue or Angular templates) that needed `{% raw %}`.
 */
function undefinedVariables(source: string): LiquidProblem[] {
  if (!source.includes("{{")) return [];
  const live = withoutRawAndComments(source);
  const defined = new Set(KNOWN_ROOTS);
  for (const match of live.matchAll(/\{%-?\s*(?:assign|capture|increment|decrement)\s+([A-Za-z_][\w-]*)|\{%-?\s*(?:for|tablerow)\s+([A-Za-z_][\w-]*)\s+in\b/g)) {
    defined.add(match[1] ?? match[2]!);
  }
  const problems: LiquidProblem[] = [];
  for (const match of live.matchAll(/\{\{-?\s*([A-Za-z_][\w-]*)[^}]*\}\}/g)) {
    const root = match[1]!;
    if (defined.has(root)) continue;
    const line = 1 + (live.slice(0, match.index).match(/\n/g)?.length ?? 0);
    problems.push({
      rule: "liquid/undefined-variable", line, found: match[0],
      message: `${match[0]} renders nothing: there is no variable \`${root}\` (Liquid runs before Markdown, in code blocks too)`,
      expected: "a variable such as page.title or site.url, or one the post sets with assign, capture or for",
      hint: "to show it as written (code, templates), wrap it in {% raw %}...{% endraw %}",
    });
  }
  return problems;
}

/**
 * `{{ x | nofilter }}`: Liquid (lax, as Jekyll runs it) prints the value
 * unchanged, so a misspelt or plugin-only filter goes unnoticed until a reader sees it.
 */
function unknownFilters(source: string): LiquidProblem[] {
  if (!source.includes("|")) return [];
  const live = withoutRawAndComments(source);
  const known = Object.keys(engine.filters);
  const problems: LiquidProblem[] = [];
  for (const match of live.matchAll(/\{\{[\s\S]*?\}\}|\{%-?\s*(?:assign|echo|capture|if|elsif|unless|for|case|when)\b[\s\S]*?%\}/g)) {
    // Quoted strings may hold a `|` that is not a filter.
    const markup = match[0].replace(/"[^"]*"|'[^']*'/g, (quoted) => " ".repeat(quoted.length));
    for (const filter of markup.matchAll(/\|\s*([A-Za-z_][\w-]*)/g)) {
      const name = filter[1]!;
      if (name in engine.filters) continue;
      const line = 1 + (live.slice(0, match.index! + filter.index!).match(/\n/g)?.length ?? 0);
      const guess = closest(name, known);
      problems.push({
        rule: "liquid/unknown-filter", line, found: match[0].length > 80 ? `${match[0].slice(0, 79)}…` : match[0],
        message: `There is no Liquid filter \`${name}\`; the value is printed unchanged`,
        expected: "a filter of Liquid or Jekyll, such as date, escape, relative_url or markdownify",
        hint: guess ? `did you mean \`${guess}\`?` : "Jekyll plugins' filters do not run here; remove the filter, or wrap code shown as written in {% raw %}...{% endraw %}",
      });
    }
  }
  return problems;
}

/** The source with raw and comment blocks blanked (they are not Liquid), their lengths kept so offsets still give lines. */
function withoutRawAndComments(source: string): string {
  return source.replace(/\{%-?\s*(raw|comment)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}/g, (block) => block.replace(/[^\n]/g, " "));
}

/** Sorted by line; the sort is stable, so one line's problems keep their order. */
function byLine(problems: LiquidProblem[]): LiquidProblem[] {
  return problems.sort((a, b) => a.line - b.line);
}
