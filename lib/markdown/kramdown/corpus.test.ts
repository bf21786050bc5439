import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_MESSAGE } from "@/lib/testing/site-fixture";
import { renderKramdown } from "./render";

if (!HAS_CORPUS) console.warn(`lib/markdown/kramdown/corpus.test.ts: ${NO_CORPUS_MESSAGE}`);

function postFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return postFiles(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

/**
 * The Liquid stage runs before Markdown and is not tested here, so its
 * syntax is blanked out crudely: highlight blocks entirely (their code is not
 * Markdown), every other tag by itself.
 */
function withoutLiquid(body: string): string {
  return body.replace(/{%-?\s*highlight\b[\s\S]*?{%-?\s*endhighlight\s*-?%}/g, "\n").replace(/{%[\s\S]*?%}/g, "");
}

/** The HTML with code removed: kramdown syntax in code samples is content. */
function outsideCode(html: string): string {
  return html.replace(/<pre[\s>][\s\S]*?<\/pre>/g, "").replace(/<code[\s>][\s\S]*?<\/code>/g, "");
}

describe.skipIf(!HAS_CORPUS)("kramdown syntax in the corpus posts (../shared/corpus/devblog/_posts)", () => {
  it("leaves no kramdown syntax in the HTML and gives every new-tab link rel=noopener", async () => {
    const files = postFiles(path.join(CORPUS_DIR, "_posts"));
    expect(files.length).toBeGreaterThan(0);
    const counts = { posts: 0, blankLinks: 0, messages: {} as Record<string, number> };
    const leftovers: string[] = [];

    for (const file of files) {
      const name = path.relative(CORPUS_DIR, file);
      const body = withoutLiquid(matter(fs.readFileSync(file, "utf8")).content);
      const result = await renderKramdown(body);
      const html = String(result);
      counts.posts++;

      const stray = outsideCode(html).indexOf("{:");
      if (stray >= 0) leftovers.push(`${name}: …${outsideCode(html).slice(Math.max(0, stray - 80), stray + 80)}…`);
      for (const [tag] of html.matchAll(/<a\s[^>]*>/g)) {
        if (!/\starget="_blank"/.test(tag)) continue;
        counts.blankLinks++;
        expect(tag, name).toMatch(/\srel="[^"]*\bnoopener\b[^"]*"/);
      }
      for (const message of result.messages) {
        const rule = message.ruleId ?? "-";
        counts.messages[rule] = (counts.messages[rule] ?? 0) + 1;
        console.log(`${name}:${message.line ?? "?"}:${message.column ?? "?"} ${rule} ${message.reason}`);
      }
    }

    // Collected rather than asserted one by one, so a failure shows every post at once, with context.
    expect(leftovers).toEqual([]);
    console.log(`kramdown corpus: ${counts.posts} posts, ${counts.blankLinks} target="_blank" links (all with rel=noopener), messages: ${JSON.stringify(counts.messages)}`);
  });
});
