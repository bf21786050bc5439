import { describe, expect, it } from "vitest";
import { countWords } from "./normalize";

describe("countWords", () => {
  it("counts what /\\S+/g matches, for every kind of space JavaScript knows", () => {
    const spaces = [];
    for (let code = 0; code <= 0xffff; code++) if (/\s/.test(String.fromCharCode(code))) spaces.push(String.fromCharCode(code));
    const pieces = [...spaces, "a", "word", "日本語", "—", "x\u200by", "😀", ""];
    // A fixed pseudo-random sequence, so a failure reproduces.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      expect(countWords(text), JSON.stringify(text)).toBe(text.match(/\S+/g)?.length ?? 0);
    }
    expect(countWords("One two\u00a0three\u3000four\n\nfive")).toBe(5);
  });
});
