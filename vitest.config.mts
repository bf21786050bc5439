import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      // Outside Next.js, "server-only" would throw; the modules it guards are server code anyway.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    // Playwright specs in e2e/ are run by Playwright, not here.
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    // Unit tests render fixtures; they must not read or fill the build's render cache.
    env: { BLOG_CACHE: "0" },
    setupFiles: ["lib/testing/vitest-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
