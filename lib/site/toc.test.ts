import { describe, expect, it } from "vitest";
import { showsTableOfContents } from "./toc";

const headings = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `h${i}`, text: `H${i}`, depth: 2 }));

describe("showsTableOfContents", () => {
  it("shows one for three or more sections by default, for any with toc: true, never with toc: false or a kramdown {:toc}", () => {
    expect([2, 3].map((n) => showsTableOfContents("<p>x</p>", headings(n), undefined))).toEqual([false, true]);
    expect([0, 1].map((n) => showsTableOfContents("<p>x</p>", headings(n), true))).toEqual([false, true]);
    expect(showsTableOfContents("<p>x</p>", headings(5), false)).toBe(false);
    expect(showsTableOfContents('<nav class="toc"><ul></ul></nav>', headings(5), true)).toBe(false);
  });
});
