import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { renderLiquid } from "./index";
import { markdownToHtml } from "./testing";
import type { LiquidContext, LiquidProblem } from "./types";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus/devblog");
const POSTS = path.join(CORPUS, "_posts");
const HAS_CORPUS = fs.existsSync(POSTS);

if (!HAS_CORPUS) console.warn(`lib/markdown/liquid/corpus.test.ts: skipped, the shared corpus is not at ${CORPUS}`);

function postFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return postFiles(file);
    return entry.name.endsWith(".md") ? [file] : [];
  });
}

/** The text between {% raw %} and {% endraw %}: the only place `{%` and `{{` may survive. */
function rawContents(body: string): string[] {
  return [...body.matchAll(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g)].map((match) => match[1] ?? "");
}

describe.skipIf(!HAS_CORPUS)("renderLiquid over the ePages corpus (../shared/corpus/devblog)", () => {
  const files = HAS_CORPUS ? postFiles(POSTS).sort() : [];
  const site = HAS_CORPUS ? (parseYaml(fs.readFileSync(path.join(CORPUS, "_config.yml"), "utf8")) as Record<string, unknown>) : {};
  const slugs = new Set(files.map((file) => path.basename(file, ".md")));

  const contextFor = (page: Record<string, unknown>): LiquidContext => ({
    site,
    page,
    postUrl: (name) => (slugs.has(name) ? `/blog/${name.slice(11)}/` : undefined),
    linkUrl: () => undefined,
    readIncludeRelative: () => undefined,
    readInclude: () => undefined,
    // The corpus ships without its images, on purpose.
    asset: () => undefined,
  });

  it("renders every post without a throw, leaving no Liquid outside raw text", async () => {
    expect(files.length).toBe(209);
    const problems: Array<LiquidProblem & { file: string }> = [];
    for (const file of files) {
      const name = path.relative(POSTS, file);
      const { content: body, data } = matter(fs.readFileSync(file, "utf8"));
      const result = await renderLiquid(body, contextFor(data));
      problems.push(...result.problems.map((problem) => ({ ...problem, file: name })));
      const lines = body.split("\n");
      for (const problem of result.problems) expect(lines[problem.line - 1], `${name}:${problem.line}`).toMatch(/\{%/);

      let rest = result.markdown;
      for (const raw of rawContents(body)) rest = rest.replace(raw, "");
      expect(rest, name).not.toMatch(/\{%|\{\{/);

      // Whitespace control (`{%- raw %}`) may eat line breaks; nothing else may.
      if (!/\{%-|-%\}/.test(body)) expect(result.markdown.split("\n").length, name).toBe(body.split("\n").length);

      const ids = [...result.markdown.matchAll(/<!--liquid-block:(\d+)/g)].map((match) => match[1]);
      expect(ids, name).toEqual([...result.blocks.keys()]);
      const html = await markdownToHtml(result.markdown, result.blocks);
      expect(html, name).not.toContain("<!--liquid-");
    }

    const byRule: Record<string, number> = {};
    for (const problem of problems) byRule[problem.rule] = (byRule[problem.rule] ?? 0) + 1;
    console.log(`Liquid problems over ${files.length} posts, by rule:`, byRule);
    for (const problem of problems.filter((p) => p.rule !== "images/missing")) {
      console.log(`  ${problem.file}:${problem.line} ${problem.rule} ${problem.message}`);
    }

    // The corpus is valid Jekyll: no syntax errors, no tags without a renderer.
    expect(problems.filter((p) => p.rule === "liquid/syntax" || p.rule === "liquid/unknown-tag")).toEqual([]);
    expect(byRule["images/missing"]).toBeGreaterThan(200);
  });
});
