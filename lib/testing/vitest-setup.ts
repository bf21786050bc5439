import { afterAll } from "vitest";
import { removeTempDirs } from "./temp-dirs";

// Fixture folders would otherwise pile up in the temp folder, about 150 per test run.
afterAll(removeTempDirs);
