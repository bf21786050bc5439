import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";

const MAX_LENGTH = 300;

/**
 * The first real paragraph of a post as plain text, for cards, feeds and
 * meta descriptions. Reads the Markdown source directly: list pages need the
 * excerpt, not the post's HTML, so nothing is rendered here.
 */
export function excerptFromMarkdown(body: string): string {
  const source = body
    // Liquid blocks whose content is not prose.
    .replace(/{%-?\s*(highlight|comment|raw)\b[\s\S]*?{%-?\s*end\1\s*-?%}/g, "\n\n")
    .replace(/{%[\s\S]*?%}|{{[\s\S]*?}}/g, "")
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, "\n\n");
  for (const block of source.split(/\n[ \t]*\n/)) {
    const text = block.trim();
    if (!text || !looksLikeParagraph(text)) continue;
    const plain = toString(fromMarkdown(text), { includeHtml: false }).replace(/\{:[^}]*\}/g, "").replace(/\s+/g, " ").trim();
    if (plain.length >= 2) return truncate(plain);
  }
  return "";
}

function looksLikeParagraph(block: string): boolean {
  if (/^(#|<|\||>|[-*+]\s|\d+[.)]\s|\[\^|\{:|!\[[^\]]*\]\([^)]*\)\s*$|\s{4}|-{3,}|\*{3,}|={3,})/.test(block)) return false;
  return true;
}

function truncate(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.slice(0, MAX_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_LENGTH - 40)).replace(/[\s,;:.]+$/, "")}…`;
}
