const os = require("node:os");

/**
 * Static export: every page is HTML in out/, servable by any static host.
 * No I/O here: content is read by lib/content when pages are generated.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: "export",
  // `/blog/post/` is written as blog/post/index.html, the layout static hosts serve as a clean URL.
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the code (tsc --noEmit); a content build need not do it again.
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    // Next.js writes per-segment prefetch files for its client router with every page;
    // without the client runtime nothing reads them. See lib/next-build/segment-data.ts.
    resolveAlias: { "./collect-segment-data": "./lib/next-build/segment-data.ts" },
  },
  experimental: {
    // Pages are generated in one worker per core: Next's default (cores - 1) leaves a core idle,
    // since the main process only waits while pages are generated.
    cpus: Math.max(1, os.availableParallelism()),
    // More pages in flight per worker, so file writes overlap with rendering.
    staticGenerationMaxConcurrency: 32,
  },
};

module.exports = nextConfig;
