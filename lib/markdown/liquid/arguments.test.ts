import { describe, expect, it } from "vitest";
import { flag, parseArguments, unknownArguments } from "./arguments";

describe("parseArguments", () => {
  it("reads double-quoted, single-quoted and unquoted values", () => {
    const { args, problems } = parseArguments(` image="/a b.png" width=50 caption='It_works' `);
    expect(Object.fromEntries(args.named)).toEqual({ image: "/a b.png", width: "50", caption: "It_works" });
    expect(args.positional).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("allows blanks around = and keeps argument order irrelevant", () => {
    const { args } = parseArguments(`caption = "x"   image="/a.png"`);
    expect(args.named.get("caption")).toBe("x");
    expect(args.named.get("image")).toBe("/a.png");
  });

  it("keeps URLs with query strings as one positional value", () => {
    const url = "https://twitter.com/x/status/9?ref_src=twsrc%5Etfw&ref_url=http%3A%2F%2F127.0.0.1%3A4000%2F";
    const { args, problems } = parseArguments(` ${url} `);
    expect(args.positional).toEqual([url]);
    expect(problems).toEqual([]);
  });

  it("treats bare words as flags", () => {
    const { args } = parseArguments(`image="/a.png" width="50" lightbox`);
    expect(flag(args, "lightbox")).toBe(true);
    expect(flag(args, "circle")).toBe(false);
    expect(flag(parseArguments(`circle="true"`).args, "circle")).toBe(true);
    expect(flag(parseArguments(`circle="false"`).args, "circle")).toBe(false);
  });

  it("reads past a doubled closing quote and reports it", () => {
    const { args, problems } = parseArguments(`image="/a.svg"" width="50" caption="http-01" lightbox`);
    expect(Object.fromEntries(args.named)).toEqual({ image: "/a.svg", width: "50", caption: "http-01" });
    expect(args.positional).toEqual(["lightbox"]);
    expect(problems.map((p) => p.rule)).toEqual(["liquid/bad-argument"]);
    expect(problems[0]?.message).toMatch(/stray quote/i);
  });

  it("reports an unclosed quote and a key without a value", () => {
    const open = parseArguments(`width="50" caption="open`);
    expect(open.args.named.get("width")).toBe("50");
    expect(open.args.named.get("caption")).toBe("open");
    expect(open.problems[0]?.message).toMatch(/stray quote/i);
    const { args, problems } = parseArguments(`width=`);
    expect(args.named.get("width")).toBe("");
    expect(problems[0]?.message).toContain("`width` has no value");
  });
});

describe("unknownArguments", () => {
  it("names arguments and flags a tag does not take", () => {
    const { args } = parseArguments(`image="/a.png" widht="50" zoom`);
    const problems = unknownArguments("image_custom", args, { named: ["image", "width"], flags: ["lightbox"] });
    expect(problems.map((p) => p.found)).toEqual(["widht", "zoom"]);
  });
});
