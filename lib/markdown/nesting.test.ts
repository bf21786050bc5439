import { describe, expect, it } from "vitest";
import { findDeepNesting, MAX_NESTING } from "./nesting";

const indentedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- item\n`).join("");

describe("findDeepNesting", () => {
  it("passes the nesting real posts use", () => {
    expect(findDeepNesting("# Title\n\n- a\n  - b\n    - c\n\n> quote\n> > nested\n\n1. one\n   2. two\n")).toBeUndefined();
    expect(findDeepNesting(indentedList(MAX_NESTING))).toBeUndefined();
    expect(findDeepNesting(`${" ".repeat(400)}indented text without a marker\n`)).toBeUndefined();
    expect(findDeepNesting("***bold italic*** and --- and 2024. A year\n")).toBeUndefined();
  });

  it("finds the first line past the limit: nested list items, blockquote markers, markers on one line", () => {
    expect(findDeepNesting(`Intro\n${indentedList(MAX_NESTING + 5)}`)).toEqual({ line: MAX_NESTING + 2, depth: MAX_NESTING + 1 });
    expect(findDeepNesting(`text\n\n${">".repeat(5000)} deep\n`)).toEqual({ line: 3, depth: 5000 });
    expect(findDeepNesting(`${"- ".repeat(MAX_NESTING + 1)}x\n`)).toEqual({ line: 1, depth: MAX_NESTING + 1 });
    expect(findDeepNesting(`${"1. > ".repeat(60)}x`)).toEqual({ line: 1, depth: 120 });
  });
});
