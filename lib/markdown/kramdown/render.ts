import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { VFile } from "vfile";
import { rehypeSlugHeadings } from "../plugins/slug-headings";
import { rehypeKramdownFootnotes, rehypeKramdownToc, rehypeStrayAttributeLists, remarkKramdownAttributes } from "./index";

/**
 * The whole chain in the order the plugins need, as lib/markdown would run
 * it (minus Liquid and highlighting). Used by the tests.
 */
export function kramdownProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownAttributes)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSlugHeadings)
    .use(rehypeKramdownFootnotes)
    .use(rehypeKramdownToc)
    .use(rehypeStrayAttributeLists)
    .use(rehypeStringify);
}

export async function renderKramdown(markdown: string): Promise<VFile> {
  return kramdownProcessor().process(markdown);
}
