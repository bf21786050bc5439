import { KRAMDOWN_RULES, type KramdownRuleId } from "@/lib/markdown/kramdown/rules";

/**
 * Every content problem the blog can find, as data. Nothing in lib/ throws on
 * bad content: each step returns problems, the caller decides (the build fails
 * on blocking ones, `npm run check` on every error, `next dev` shows them).
 */
export type Severity = "error" | "warning" | "info";

export interface ContentProblem {
  /** Stable rule id, e.g. `front-matter/yaml-syntax`; see RULES. */
  rule: RuleId;
  severity: Severity;
  /** Path relative to the content root (or as given, for files outside it). */
  file: string;
  line?: number;
  column?: number;
  field?: string;
  /** What the file holds, quoted as found. */
  found?: string;
  /** What would be valid. */
  expected?: string;
  /** How to fix it. */
  hint?: string;
  message: string;
  /** True when the build cannot make a correct page from this input. */
  blocksBuild: boolean;
}

interface RuleInfo {
  severity: Severity;
  blocksBuild: boolean;
  description: string;
}

/** The rule catalogue: one place that names every rule, its default severity and whether it stops a build. */
const CONTENT_RULES = {
  "file/not-utf8": { severity: "error", blocksBuild: true, description: "the file is not valid UTF-8 text" },
  "file/bom": { severity: "warning", blocksBuild: false, description: "the file starts with a byte order mark" },
  "file/crlf": { severity: "warning", blocksBuild: false, description: "the file uses CRLF line endings" },
  "file/empty": { severity: "error", blocksBuild: true, description: "the file is empty" },
  "file/unreadable": { severity: "error", blocksBuild: true, description: "a file or folder of the content cannot be read (permissions, or a folder where a file should be)" },
  "file/name-without-date": { severity: "error", blocksBuild: false, description: "a file in _posts/ whose name is not YYYY-MM-DD-slug.md (Jekyll skips it)" },
  "file/symlink-outside": { severity: "error", blocksBuild: false, description: "a symbolic link that points outside the content folder, back up to a folder that holds it, or into another folder of posts (not followed)" },
  "file/too-large": { severity: "error", blocksBuild: true, description: "the file is larger than the configured limit" },
  "config/invalid": { severity: "error", blocksBuild: true, description: "a _config.yml value has the wrong type or form" },
  "config/yaml-syntax": { severity: "error", blocksBuild: true, description: "_config.yml is not valid YAML" },
  "config/no-posts": { severity: "warning", blocksBuild: false, description: "the content folder has no posts (often the wrong folder)" },
  "data/invalid": { severity: "warning", blocksBuild: false, description: "a file in _data/ is not valid YAML or JSON (`site.data` lacks it)" },
  "authors/invalid": { severity: "error", blocksBuild: false, description: "an entry of _data/authors.yml is malformed" },
  "front-matter/missing": { severity: "error", blocksBuild: true, description: "the post has no front matter block" },
  "front-matter/yaml-syntax": { severity: "error", blocksBuild: true, description: "the front matter is not valid YAML" },
  "front-matter/not-a-mapping": { severity: "error", blocksBuild: true, description: "the front matter is not a list of `key: value` pairs" },
  "front-matter/required": { severity: "error", blocksBuild: true, description: "a required field is missing" },
  "front-matter/type": { severity: "error", blocksBuild: false, description: "a field has the wrong type" },
  "front-matter/allowed-values": { severity: "error", blocksBuild: false, description: "a field's value is not one of the allowed values" },
  "front-matter/duplicate-key": { severity: "warning", blocksBuild: false, description: "a front matter key written twice (the last value is used)" },
  "front-matter/unknown-key": { severity: "warning", blocksBuild: false, description: "a front matter key the blog does not use" },
  "front-matter/placeholder": { severity: "error", blocksBuild: false, description: "a placeholder value such as XXX, TODO or TBD" },
  "date/invalid": { severity: "error", blocksBuild: true, description: "the date is not a date" },
  "date/placeholder": { severity: "error", blocksBuild: false, description: "the date is a placeholder such as 2017-XX-XX" },
  "date/lenient": { severity: "warning", blocksBuild: false, description: "the date has stray characters that Jekyll ignores" },
  "date/file-name-mismatch": { severity: "warning", blocksBuild: false, description: "the front matter date and the file name's date differ" },
  "date/future": { severity: "info", blocksBuild: false, description: "the post is scheduled for a future date" },
  "taxonomy/unknown-category": { severity: "error", blocksBuild: false, description: "a category that is not in category_list" },
  "taxonomy/similar-tag": { severity: "warning", blocksBuild: false, description: "tags that differ only by case, spacing or punctuation, and so share one tag page" },
  "authors/unknown-id": { severity: "error", blocksBuild: false, description: "an about_authors id that is not in _data/authors.yml" },
  "authors/no-profile": { severity: "warning", blocksBuild: false, description: "an author name with no profile in _data/authors.yml" },
  "permalink/duplicate": { severity: "error", blocksBuild: false, description: "two pages resolve to the same URL (the build keeps the later post, as Jekyll does)" },
  "permalink/outside-site": { severity: "error", blocksBuild: true, description: "a permalink that escapes the site (`..`)" },
  "front-matter/no-title": { severity: "warning", blocksBuild: false, description: "the post has no title; it gets one from its file name, as in Jekyll" },
  "file/jekyll-page": { severity: "info", blocksBuild: false, description: "a Jekyll page or theme template (a file with front matter outside _posts/): not published, as this blog builds posts" },
  "file/conflict": { severity: "warning", blocksBuild: false, description: "a static file at a URL where the blog writes a page or its own file: the static file is not copied" },
  "permalink/reserved": { severity: "error", blocksBuild: true, description: "a permalink where the blog has its own pages or files (the index, archive, search, feeds, sitemap.xml, /_next/, ...)" },
  "permalink/unservable": { severity: "error", blocksBuild: true, description: "a permalink with characters a static host cannot serve" },
  "links/broken-internal": { severity: "error", blocksBuild: false, description: "a link to a page of the site that does not exist" },
  "links/broken-anchor": { severity: "error", blocksBuild: false, description: "a link to a heading that does not exist" },
  "links/duplicate-id": { severity: "warning", blocksBuild: false, description: "two headings share an id, so links and the table of contents reach only the first" },
  "links/unsafe-url": { severity: "warning", blocksBuild: false, description: "a link or image URL that runs script (javascript:, vbscript:, data:text/html)" },
  "links/insecure": { severity: "warning", blocksBuild: false, description: "an external link over http instead of https" },
  "images/missing": { severity: "warning", blocksBuild: false, description: "an image or file that the post references does not exist" },
  "images/no-alt": { severity: "warning", blocksBuild: false, description: "an image without alt text" },
  "markdown/too-deep": { severity: "error", blocksBuild: true, description: "lists or blockquotes nested more than 100 levels deep (the body is not rendered)" },
  "markdown/unclosed-comment": { severity: "warning", blocksBuild: false, description: "an HTML comment (`<!--`) that is never closed hides the rest of the post" },
  "markdown/bad-math": { severity: "warning", blocksBuild: false, description: "$$ math $$ that KaTeX cannot typeset (it is shown as written, in red)" },
  "markdown/render-failed": { severity: "error", blocksBuild: true, description: "the post body could not be rendered (the message gives the cause)" },
  "liquid/syntax": { severity: "error", blocksBuild: false, description: "Liquid markup that cannot be parsed" },
  "liquid/unknown-tag": { severity: "warning", blocksBuild: false, description: "a Liquid tag that no renderer is registered for (renders nothing)" },
  "liquid/missing-include": { severity: "warning", blocksBuild: false, description: "an {% include %} of a file that does not exist (renders nothing)" },
  "liquid/bad-argument": { severity: "warning", blocksBuild: false, description: "a Liquid tag argument is missing or malformed" },
  "liquid/undefined-variable": { severity: "warning", blocksBuild: false, description: "{{ x }} of a variable that does not exist (renders nothing; often code such as GitHub Actions' ${{ github.ref }} that needs {% raw %})" },
  "liquid/unknown-filter": { severity: "warning", blocksBuild: false, description: "{{ x | name }} with a filter that does not exist (the value is printed unchanged)" },
  "liquid/unknown-post": { severity: "error", blocksBuild: false, description: "{% post_url %} or {% link %} to a file that does not exist" },
} satisfies Record<string, RuleInfo>;

/** kramdown syntax problems (lib/markdown/kramdown): all warnings; the page is still built. */
const KRAMDOWN_RULE_INFO = Object.fromEntries(
  Object.entries(KRAMDOWN_RULES).map(([id, description]) => [id, { severity: "warning", blocksBuild: false, description }]),
) as Record<KramdownRuleId, RuleInfo>;

export const RULES: Record<RuleId, RuleInfo> = { ...CONTENT_RULES, ...KRAMDOWN_RULE_INFO };

export type RuleId = keyof typeof CONTENT_RULES | KramdownRuleId;

export type ProblemInput = Omit<ContentProblem, "severity" | "blocksBuild"> & {
  severity?: Severity;
  /** Overrides the rule's default, e.g. a bad date does not block when the file name gives one. */
  blocksBuild?: boolean;
};

/** Creates a problem with the rule's default severity. */
export function problem(input: ProblemInput): ContentProblem {
  const info: RuleInfo = RULES[input.rule];
  return { ...input, severity: input.severity ?? info.severity, blocksBuild: input.blocksBuild ?? info.blocksBuild };
}

/** `path:line:column severity rule message`, the format editors and CI understand. */
export function formatProblem(p: ContentProblem): string {
  const where = [p.file, p.line ?? 1, p.column ?? 1].join(":");
  return `${where} ${p.severity} ${p.rule} ${describeProblem(p)}`;
}

/** The message with what was found, what is expected and how to fix it. */
export function describeProblem(p: ContentProblem): string {
  const parts = [p.message];
  if (p.field !== undefined && !p.message.includes(`\`${p.field}\``)) parts.push(`(field \`${p.field}\`)`);
  let text = parts.join(" ");
  if (p.found !== undefined) text += `; found ${p.found}`;
  if (p.expected !== undefined) text += `; expected ${p.expected}`;
  if (p.hint !== undefined) text += `. Fix: ${p.hint}`;
  return text;
}

/** Quotes a found value for a message, shortened so one bad field cannot flood the output. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value);
  else if (value instanceof Date) text = value.toISOString();
  else if (value === undefined) text = "nothing";
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** `rules:` in _config.yml: a severity per rule id, or `off`. Applied once, where problems are gathered. */
export function applyRuleSeverities(problems: readonly ContentProblem[], overrides: Partial<Record<string, Severity | "off">>): ContentProblem[] {
  return problems.flatMap((p) => {
    const override = overrides[p.rule];
    if (override === "off") return [];
    return override ? [{ ...p, severity: override }] : [p];
  });
}
