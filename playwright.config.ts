import { defineConfig, devices } from "@playwright/test";
import { browserLaunchOptions } from "./scripts/browser.mjs";

const port = Number(process.env.E2E_PORT ?? 4173);

// Smoke tests run against the built static export (out/), served like a static host serves it.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["github"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: browserLaunchOptions(),
    trace: "retain-on-failure",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/ },
  ],
  webServer: {
    command: "node scripts/serve.mjs",
    env: { PORT: String(port), OUT_DIR: process.env.E2E_OUT_DIR ?? "out" },
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
