import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import {
  bundledLanguages,
  createHighlighter,
  flatTokenVariants,
  tokensToHast,
  type BundledLanguage,
  type Highlighter,
  type ThemedToken,
  type ThemeRegistrationResolved,
} from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { visit } from "../tree";

/**
 * Syntax highlighting at build time with shiki: the page ships coloured HTML,
 * no highlighter. Both themes are in the markup as CSS variables
 * (--shiki-light, --shiki-dark); the stylesheet picks one per colour scheme.
 * High-contrast GitHub themes, so every token meets WCAG AA on the code background.
 */
const THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

/** Names authors use that shiki knows under another name. */
const ALIASES: Record<string, string> = {
  yml: "yaml", golang: "go", sh: "bash", shell: "bash", zsh: "bash", console: "shellsession", js: "javascript",
  ts: "typescript", py: "python", rb: "ruby", "c#": "csharp", cs: "csharp", "c++": "cpp", dockerfile: "docker",
  html5: "html", xhtml: "html", htm: "html", conf: "ini", cfg: "ini", properties: "properties", text: "plaintext",
  txt: "plaintext", plain: "plaintext", none: "plaintext", ps1: "powershell", psql: "sql", mysql: "sql",
};

export interface Shiki {
  instance: Highlighter;
  /** The dark theme's colour for each colour of the light theme, when one tokenization serves both (see darkColors). */
  darkOf: Map<string, string> | undefined;
  /** The style shiki gives the `<pre>` for both themes (their foregrounds and backgrounds). */
  preStyle: string;
}

let highlighter: Promise<Shiki> | undefined;

export function getHighlighter(): Promise<Shiki> {
  highlighter ??= (async () => {
    // The JavaScript regex engine: no WebAssembly to load, and fast on Node 20.
    const instance = await createHighlighter({ themes: Object.values(THEMES), langs: [], engine: createJavaScriptRegexEngine({ forgiving: true }) });
    const sample = instance.codeToHast("", { lang: "text", themes: THEMES, defaultColor: false });
    const pre = sample.children[0];
    const preStyle = pre?.type === "element" ? String(pre.properties.style ?? "") : "";
    return { instance, preStyle, darkOf: darkColors(instance.getTheme(THEMES.light), instance.getTheme(THEMES.dark)) };
  })();
  return highlighter;
}

/**
 * shiki highlights for two themes by tokenizing the code once per theme, which was 40% of
 * highlighting. The GitHub themes are one set of rules in two palettes: the same scopes, in the same
 * order, with the same font styles, and each light colour stands for one dark colour. Then the light
 * theme's tokens, with each colour looked up, are exactly the dark theme's, and one tokenization
 * serves both. Checked on the themes themselves: for themes that differ in their rules this returns
 * undefined and each theme tokenizes the code.
 */
export function darkColors(light: ThemeRegistrationResolved, dark: ThemeRegistrationResolved): Map<string, string> | undefined {
  const darkOf = new Map<string, string>();
  // Token colours come from the tokenizer's colour map, which writes them in capitals.
  const pair = (from: string | undefined, to: string | undefined) => {
    if (!from && !to) return true;
    if (!from || !to) return false;
    const key = from.toUpperCase();
    if (darkOf.has(key) && darkOf.get(key) !== to.toUpperCase()) return false;
    darkOf.set(key, to.toUpperCase());
    return true;
  };
  if (!pair(light.fg, dark.fg) || light.settings.length !== dark.settings.length) return undefined;
  for (const [i, rule] of light.settings.entries()) {
    const other = dark.settings[i];
    if (!other || JSON.stringify(rule.scope) !== JSON.stringify(other.scope)) return undefined;
    if ((rule.settings.fontStyle ?? "") !== (other.settings.fontStyle ?? "")) return undefined;
    // Token backgrounds are not highlighted (shiki's tokens carry a foreground and a font style).
    if (!pair(rule.settings.foreground, other.settings.foreground)) return undefined;
  }
  return darkOf;
}

/** The `<code>` children shiki makes for `source` with both themes, as `--shiki-light` and `--shiki-dark` variables. */
export function highlightedLines({ instance, darkOf, preStyle }: Shiki, source: string, lang: string): { lines: ElementContent[]; preStyle: string } | undefined {
  let root;
  if (darkOf) {
    const tokens = instance.codeToTokensBase(source, { lang: lang as BundledLanguage, theme: THEMES.light }).map((line) =>
      line.map(({ content, offset, color = "", fontStyle }: ThemedToken) =>
        flatTokenVariants(
          { content, offset, variants: { light: { color, fontStyle }, dark: { color: darkOf.get(color) ?? color, fontStyle } } },
          ["light", "dark"],
          "--shiki-",
          false,
        ),
      ),
    );
    const options = { lang, theme: THEMES.light, rootStyle: preStyle };
    root = tokensToHast(mergeWhitespaceTokens(tokens), options, { meta: {}, options } as never);
  } else {
    root = instance.codeToHast(source, { lang, themes: THEMES, defaultColor: false });
  }
  const shikiPre = root.children.find((child): child is Element => child.type === "element" && child.tagName === "pre");
  const shikiCode = shikiPre?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
  if (!shikiPre || !shikiCode) return undefined;
  return { lines: shikiCode.children as ElementContent[], preStyle: String(shikiPre.properties.style ?? "") };
}

/**
 * What codeToHast does to two-theme tokens before making elements (shiki does not export it): a
 * run of whitespace joins the token after it, so that lines are not split into blank spans.
 */
function mergeWhitespaceTokens(lines: ThemedToken[][]): ThemedToken[][] {
  return lines.map((line) => {
    const merged: ThemedToken[] = [];
    let carried = "";
    let carriedOffset = 0;
    line.forEach((token, i) => {
      if (/^\s+$/.test(token.content) && line[i + 1]) {
        if (!carried) carriedOffset = token.offset;
        carried += token.content;
      } else if (carried) {
        merged.push({ ...token, offset: carriedOffset, content: carried + token.content });
        carried = "";
      } else {
        merged.push(token);
      }
    });
    return merged;
  });
}

/** The shiki language for a `language-*` name, loading its grammar on first use; undefined when shiki has none. */
export async function resolveLanguage(instance: Highlighter, name: string): Promise<string | undefined> {
  const lang = ALIASES[name] ?? name;
  if (lang === "plaintext") return undefined;
  if (instance.getLoadedLanguages().includes(lang)) return lang;
  if (!(lang in bundledLanguages)) return undefined;
  await instance.loadLanguage(lang as BundledLanguage);
  return lang;
}

export function rehypeHighlightCode() {
  return async (tree: Root) => {
    const blocks: { pre: Element; code: Element; language: string }[] = [];
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "pre") return;
      const code = node.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
      if (!code) return;
      const className = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
      const language = className.find((c) => c.startsWith("language-"))?.slice("language-".length).toLowerCase() ?? "";
      blocks.push({ pre: node, code, language });
    });
    if (blocks.length === 0) return;
    const shiki = await getHighlighter();
    for (const { pre, code, language } of blocks) {
      // The language stays visible to readers and scripts, whether or not shiki knows it.
      if (language && language !== "text") pre.properties.dataLanguage = language;
      // Chirpy's `{: file="path/to/app.js" }` under a code block: the file name labels the block instead.
      const file = code.properties.file ?? pre.properties.file;
      if (typeof file === "string" && file.trim()) {
        pre.properties.dataLanguage = file.trim();
        pre.properties.dataFile = "";
        delete code.properties.file;
        delete pre.properties.file;
      }
      const lang = language ? await resolveLanguage(shiki.instance, language) : undefined;
      if (!lang) continue;
      const highlighted = highlightedLines(shiki, toString(code).replace(/\n$/, ""), lang);
      if (!highlighted) continue;
      code.children = highlighted.lines;
      const preClasses = Array.isArray(pre.properties.className) ? pre.properties.className : [];
      pre.properties.className = [...preClasses, "shiki"];
      pre.properties.style = highlighted.preStyle;
    }
  };
}
