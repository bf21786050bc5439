import { describe, expect, it } from "vitest";
import { buildSteps, medianSteps } from "./bench-lib.mjs";

describe("buildSteps", () => {
  it("reads the steps from the line a build ends with", () => {
    expect(buildSteps("check 18.6 s, next build 23.0 s, finalize and search index 5.2 s")).toEqual({
      check: 18600,
      "next build": 23000,
      "finalize and search index": 5200,
    });
    expect(buildSteps("check 0.4 s, next build 9.1 s, finalize 0.3 s")).toEqual({ check: 400, "next build": 9100, finalize: 300 });
  });

  it("gives no steps for a line without them", () => {
    expect(buildSteps("")).toEqual({});
  });
});

describe("medianSteps", () => {
  it("takes each step's median over the runs that have it", () => {
    const runs: Record<string, number>[] = [{ check: 3, "next build": 10 }, { check: 1, "next build": 30 }, { check: 2 }];
    expect(medianSteps(runs)).toEqual({ check: 2, "next build": 20 });
  });
});
