import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from "shiki";
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

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  // The JavaScript regex engine: no WebAssembly to load, and fast on Node 20.
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [], engine: createJavaScriptRegexEngine({ forgiving: true }) });
  return highlighter;
}

/** The shiki language for a `language-*` name, loading its grammar on first use; undefined when shiki has none. */
async function resolveLanguage(instance: Highlighter, name: string): Promise<string | undefined> {
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
    const instance = await getHighlighter();
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
      const lang = language ? await resolveLanguage(instance, language) : undefined;
      if (!lang) continue;
      const source = toString(code).replace(/\n$/, "");
      const highlighted = instance.codeToHast(source, { lang, themes: THEMES, defaultColor: false });
      const shikiPre = highlighted.children.find((child): child is Element => child.type === "element" && child.tagName === "pre");
      const shikiCode = shikiPre?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
      if (!shikiPre || !shikiCode) continue;
      code.children = shikiCode.children as ElementContent[];
      const preClasses = Array.isArray(pre.properties.className) ? pre.properties.className : [];
      pre.properties.className = [...preClasses, "shiki"];
      pre.properties.style = shikiPre.properties.style;
    }
  };
}
