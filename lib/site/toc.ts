import type { Heading } from "@/lib/markdown";

/**
 * Whether a post page shows the table of contents: long posts (three or more
 * sections) do, and any with sections when front matter says `toc: true`;
 * none with `toc: false`, or when the author placed one with kramdown's {:toc}.
 */
export function showsTableOfContents(html: string, headings: readonly Heading[], asked: boolean | undefined): boolean {
  if (asked === false || html.includes('<nav class="toc"')) return false;
  return headings.length >= (asked ? 1 : 3);
}
