import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "./problems";

describe("the README's rule table", () => {
  it("lists every rule with its default severity and whether it blocks the build, as the catalogue has them", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const rows = new Map<string, string>();
    for (const match of readme.matchAll(/^\| `([a-z-]+\/[a-z0-9-]+)` \| (error|warning|info) \| (yes)? *\| (.*) \|$/gm)) {
      rows.set(match[1]!, `${match[2]} ${match[3] ? "blocks" : "does not block"}`);
    }
    const expected = Object.fromEntries(Object.entries(RULES).map(([id, rule]) => [id, `${rule.severity} ${rule.blocksBuild ? "blocks" : "does not block"}`]));
    expect(Object.fromEntries(rows)).toEqual(expected);
  });
});
