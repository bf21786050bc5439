import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { browserLaunchOptions } from "./scripts/browser.mjs";

const port = Number(process.env.E2E_PORT ?? 4173);
const corpusPort = port + 1;
/** Written by `npm test` (scripts/test.mjs) when ../shared/corpus/devblog exists. */
export const CORPUS_OUT_DIR = ".cache/out-corpus";
const hasCorpusBuild = fs.existsSync(`${CORPUS_OUT_DIR}/index.html`);
/** The sample blog built with `client_runtime: true` (scripts/test.mjs). */
export const RUNTIME_OUT_DIR = ".cache/out-runtime";
const hasRuntimeBuild = fs.existsSync(`${RUNTIME_OUT_DIR}/index.html`);
const runtimePort = port + 2;
/** The sample blog built with `baseurl: /team-blog` (scripts/test.mjs), served under that path. */
export const BASEURL_OUT_DIR = ".cache/out-baseurl";
const hasBaseurlBuild = fs.existsSync(`${BASEURL_OUT_DIR}/index.html`);
const baseurlPort = port + 3;

// Smoke tests run against the built static export, served like a static host serves it:
// the sample blog (out/) on one port, the ePages corpus build on another.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["github"]] : [["list"]],
  use: {
    launchOptions: browserLaunchOptions(),
    trace: "retain-on-failure",
  },
  projects: [
    { name: "desktop", testIgnore: /(corpus|client-runtime|baseurl)\.spec/, use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${port}` } },
    { name: "phone", testIgnore: /(corpus|client-runtime|baseurl)\.spec/, grep: /@phone/, use: { ...devices["Pixel 7"], baseURL: `http://localhost:${port}` } },
    ...(hasCorpusBuild
      ? [{ name: "corpus", testMatch: /corpus\.spec/, use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${corpusPort}` } }]
      : []),
    // With React hydrating the pages, every reader feature must still work; the zero-JavaScript
    // specs (no-javascript, budget) are about the default mode only.
    ...(hasRuntimeBuild
      ? [{ name: "client-runtime", testMatch: /(smoke|theme|code-blocks|media|search|feeds|client-runtime)\.spec/, use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${runtimePort}` } }]
      : []),
    ...(hasBaseurlBuild
      ? [{ name: "baseurl", testMatch: /baseurl\.spec/, use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${baseurlPort}` } }]
      : []),
  ],
  webServer: [
    {
      command: "node scripts/serve.mjs",
      env: { PORT: String(port), OUT_DIR: process.env.E2E_OUT_DIR ?? "out" },
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    ...(hasCorpusBuild
      ? [{ command: "node scripts/serve.mjs", env: { PORT: String(corpusPort), OUT_DIR: CORPUS_OUT_DIR }, url: `http://localhost:${corpusPort}/`, reuseExistingServer: false, timeout: 30_000 }]
      : []),
    ...(hasRuntimeBuild
      ? [{ command: "node scripts/serve.mjs", env: { PORT: String(runtimePort), OUT_DIR: RUNTIME_OUT_DIR }, url: `http://localhost:${runtimePort}/`, reuseExistingServer: false, timeout: 30_000 }]
      : []),
    ...(hasBaseurlBuild
      ? [{ command: "node scripts/serve.mjs", env: { PORT: String(baseurlPort), OUT_DIR: BASEURL_OUT_DIR }, url: `http://localhost:${baseurlPort}/team-blog/`, reuseExistingServer: false, timeout: 30_000 }]
      : []),
  ],
});
