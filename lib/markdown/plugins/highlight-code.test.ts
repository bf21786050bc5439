import type { Element } from "hast";
import { describe, expect, it } from "vitest";
import { darkColors, getHighlighter, highlightedLines, resolveLanguage } from "./highlight-code";

const THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

const SAMPLES: [string, string][] = [
  ["ts", 'export async function load(id: string): Promise<Post | undefined> {\n  // a comment\n  return cache.get(`post:${id}`) ?? null;\n}\n'],
  ["python", 'def main(args):\n    """Docstring."""\n    print(f"{args!r}", 42, True)\n'],
  ["markdown", "# Title\n\nSome *emphasis*, **strong**, ~~gone~~ and a [link](https://example.com \"t\").\n\n    indented code\n"],
  ["diff", "--- a/file\n+++ b/file\n@@ -1,2 +1,2 @@\n-old line\n+new line\n context\n"],
  ["html", '<!DOCTYPE html>\n<script>\n  const x = { a: 1 };\n</script>\n<style> body { color: red } </style>\n<p class="x">Text &amp; more</p>\n'],
  ["bash", 'for f in *.md; do\n  echo "$f" | sed -e "s/a/b/" >> out.txt   # append\ndone\n'],
  ["yaml", "key: value\nlist:\n  - 1\n  - 'two'\nanchor: &a\n  x: true\n"],
  ["css", "@media (prefers-color-scheme: dark) {\n  .a::before { content: '\\201C'; color: #fff !important; }\n}\n"],
];

describe("highlighting both themes from one tokenization", () => {
  it("gives exactly the markup of shiki's two-theme highlighting", async () => {
    const shiki = await getHighlighter();
    expect(shiki.darkOf).toBeDefined();
    for (const [name, source] of SAMPLES) {
      const lang = await resolveLanguage(shiki.instance, name);
      expect(lang, name).toBeDefined();
      const ours = highlightedLines(shiki, source, lang!);
      const theirs = shiki.instance.codeToHast(source, { lang: lang!, themes: THEMES, defaultColor: false });
      const pre = theirs.children[0] as Element;
      const code = pre.children[0] as Element;
      expect(ours?.lines, name).toEqual(code.children);
      expect(ours?.preStyle, name).toBe(pre.properties.style);
    }
  });

  it("tokenizes once per theme for themes whose rules differ", async () => {
    const { instance } = await getHighlighter();
    const light = instance.getTheme(THEMES.light);
    const dark = instance.getTheme(THEMES.dark);
    expect(darkColors(light, dark)?.get(light.fg.toUpperCase())).toBe(dark.fg.toUpperCase());
    const otherScopes = { ...dark, settings: dark.settings.map((rule, i) => (i === 3 ? { ...rule, scope: "markup.other" } : rule)) };
    expect(darkColors(light, otherScopes)).toBeUndefined();
    const fewerRules = { ...dark, settings: dark.settings.slice(1) };
    expect(darkColors(light, fewerRules)).toBeUndefined();
    // One light colour that would need two dark ones.
    const [first, second] = light.settings.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.settings.foreground);
    const split = {
      ...light,
      settings: light.settings.map((rule, i) => (i === second!.i ? { ...rule, settings: { ...rule.settings, foreground: first!.rule.settings.foreground } } : rule)),
    };
    const sameColourTwice = { ...dark, settings: dark.settings.map((rule, i) => (i === second!.i ? { ...rule, settings: { ...rule.settings, foreground: "#123456" } } : rule)) };
    expect(darkColors(split, sameColourTwice)).toBeUndefined();
  });
});
