import "server-only";
import { formatProblem, sortProblems } from "@/lib/content/problems";
import type { Site } from "./model";

const reported = ((globalThis as { __blogReported?: Set<string> }).__blogReported ??= new Set());

/** Prints the site's content warnings once per build (not once per page or worker call). */
export function reportProblemsOnce(site: Site): void {
  if (process.env.NODE_ENV !== "production" || process.env.BLOG_QUIET === "1") return;
  const key = `${site.problems.length}:${site.posts.length}`;
  if (reported.has(key)) return;
  reported.add(key);
  const shown = sortProblems(site.problems.filter((p) => p.severity !== "info"));
  if (shown.length === 0) return;
  const counts = new Map<string, number>();
  for (const p of shown) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  const lines = shown.slice(0, 200).map(formatProblem);
  if (shown.length > 200) lines.push(`... and ${shown.length - 200} more (run \`npm run check\` for the full list)`);
  console.warn(
    `\nContent warnings (${shown.length}; the build goes on, \`npm run check\` fails on errors):\n${lines.join("\n")}\n` +
      `By rule: ${[...counts.entries()].map(([rule, n]) => `${rule} ${n}`).join(", ")}\n`,
  );
}
