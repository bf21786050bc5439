/** The benchmark helpers the tests use (scripts/bench-lib.mjs). */
export declare function buildSteps(text: string): Record<string, number>;
export declare function medianSteps(stepsOfRuns: readonly Record<string, number>[]): Record<string, number | null>;
