// `npm run check [-- FILE...] [--format text|json|github] [--build]`
// Validates the content folder (BLOG_CONTENT_DIR or content/), or only the files
// named, and prints every problem as `path:line:column severity rule message`.
// Exit 1 on any error (with --build: only on problems that block a build).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCheck } from "@/lib/check";
import { usesClientRuntime } from "@/lib/config";
import { contentRoot } from "@/lib/content/paths";
import { describeProblem, type ContentProblem } from "@/lib/content/problems";
import { searchablePageFiles } from "@/lib/site";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: "string", default: "text" },
    build: { type: "boolean", default: false },
    // The build's own: where to write what the rest of the build needs from the site model (JSON).
    "build-info": { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run check [-- FILE...] [--format text|json|github] [--quiet]
Checks the content folder (BLOG_CONTENT_DIR, default content/), or only the files given.
Prints path:line:column severity rule message, one line per problem, then a summary.
Exits 1 when there is an error. Rules and their severities: README.md, "Content checks".`);
  process.exit(0);
}
if (!["text", "json", "github"].includes(values.format!)) {
  console.error(`Unknown --format ${values.format}; expected text, json or github.`);
  process.exit(2);
}

const root = contentRoot();
const started = performance.now();
const progress = process.stderr.isTTY && values.format === "text";
// --build: the build's own pass (scripts/build.mjs): same visibility as the build, and the
// posts it renders here land in the render cache that `next build` then reads.
const result = await runCheck({
  root,
  files: positionals,
  asBuild: values.build,
  onProgress: (done, total) => {
    if (progress && total >= 200 && (done % 100 === 0 || done === total)) process.stderr.write(`\rchecked ${done}/${total} posts`);
  },
});
if (progress && result.postsChecked >= 200) process.stderr.write("\n");
const seconds = (performance.now() - started) / 1000;
if (values["build-info"]) {
  // Jekyll's `baseurl` (next.config.js then need not read the config), whether pages keep Next.js's
  // client runtime, and the export's files that the search index holds.
  const info = {
    baseUrl: result.site.config.baseurl,
    clientRuntime: usesClientRuntime(result.site.config),
    searchPages: searchablePageFiles(result.site.routes.values()),
  };
  fs.writeFileSync(values["build-info"], JSON.stringify(info));
}

/** Paths as the user sees them: relative to where the command runs. */
function displayPath(p: ContentProblem): string {
  const absolute = path.isAbsolute(p.file) || p.file.startsWith(".") ? path.resolve(p.file) : path.join(root, p.file);
  return path.relative(process.cwd(), absolute) || p.file;
}

const counts = { error: 0, warning: 0, info: 0 };
for (const p of result.problems) counts[p.severity]++;
const files = new Set(result.problems.map((p) => p.file)).size;
const failing = values.build ? result.problems.filter((p) => p.blocksBuild && p.severity === "error") : result.problems.filter((p) => p.severity === "error");
const summary = `${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info in ${files} file${files === 1 ? "" : "s"} (${result.postsChecked} posts checked in ${seconds.toFixed(1)} s)`;

if (values.format === "json") {
  const problems = result.problems.map((p) => ({ ...p, file: displayPath(p), line: p.line ?? 1, column: p.column ?? 1, description: describeProblem(p) }));
  console.log(JSON.stringify({ problems, summary: { ...counts, files, posts: result.postsChecked, seconds: Number(seconds.toFixed(2)) } }, null, 2));
} else if (values.format === "github") {
  const level = { error: "error", warning: "warning", info: "notice" } as const;
  const escape = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (text: string) => escape(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  for (const p of result.problems) {
    console.log(`::${level[p.severity]} file=${escapeProperty(displayPath(p))},line=${p.line ?? 1},col=${p.column ?? 1},title=${escapeProperty(p.rule)}::${escape(describeProblem(p))}`);
  }
  console.log(summary);
} else if (values.build) {
  printBuildReport(result.problems, failing);
  console.log(`Content: ${summary}.`);
} else {
  if (!values.quiet || failing.length > 0) {
    for (const p of values.quiet ? failing : result.problems) {
      console.log(`${displayPath(p)}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${p.rule} ${describeProblem(p)}`);
    }
  }
  console.log(summary);
}
// Exit only once everything printed has reached the pipe: stdout to a pipe is asynchronous, and
// exiting at once cut a large report (`--format json | jq`) at 64 KB.
const exitCode = failing.length > 0 ? 1 : 0;
process.stdout.write("", () => process.exit(exitCode));

/** The build's report: every blocking problem, and the rest grouped by rule with a few examples each. */
function printBuildReport(problems: ContentProblem[], blocking: ContentProblem[]) {
  const line = (p: ContentProblem) => `${displayPath(p)}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${p.rule} ${describeProblem(p)}`;
  const rest = problems.filter((p) => !blocking.includes(p) && p.severity !== "info");
  const byRule = new Map<string, ContentProblem[]>();
  for (const p of rest) byRule.set(p.rule, [...(byRule.get(p.rule) ?? []), p]);
  if (byRule.size > 0) {
    console.log("\nContent warnings (the build goes on; `npm run check` lists them all and fails on errors):");
    for (const [rule, list] of [...byRule.entries()].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${rule}: ${list.length}`);
      for (const p of list.slice(0, 3)) console.log(`    ${line(p)}`);
      if (list.length > 3) console.log(`    ... and ${list.length - 3} more`);
    }
  }
  if (blocking.length > 0) {
    console.log(`\nThe build stops: ${blocking.length === 1 ? "1 problem leaves" : `${blocking.length} problems leave`} it unable to make correct pages:`);
    for (const p of blocking) console.log(`  ${line(p)}`);
  }
}
