const os = require("node:os");

/**
 * Jekyll's `baseurl` from the site's config (lib/config owns reading it): the
 * path the blog is served under. Kept in the environment, so Next's workers
 * and the page code see the same value without reading the config again.
 */
function basePath() {
  if (process.env.BLOG_BASE_PATH === undefined) {
    const tsx = require("tsx/cjs/api");
    const { contentRoot } = tsx.require("./lib/content/paths.ts", __filename);
    const { readConfig } = tsx.require("./lib/config/files.ts", __filename);
    process.env.BLOG_BASE_PATH = readConfig(contentRoot()).config.baseurl;
  }
  return process.env.BLOG_BASE_PATH;
}

/**
 * Static export: every page is HTML in out/, servable by any static host.
 * The only content read here is the config's `baseurl`; posts are read by lib/content when pages are generated.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: "export",
  // Next.js prefixes its own assets and routes; lib/site/href.ts prefixes the blog's links.
  basePath: basePath(),
  env: { BLOG_BASE_PATH: basePath() },
  // `/blog/post/` is written as blog/post/index.html, the layout static hosts serve as a clean URL.
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  // scripts/build.mjs sets aside what the build replaces, and leaves the pages prerendered last time
  // for Next.js to overwrite: rewriting a file is much cheaper than deleting it and creating a new one.
  cleanDistDir: false,
  reactStrictMode: true,
  // `npm test` type-checks the code (tsc --noEmit); a content build need not do it again.
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    // Next.js writes per-segment prefetch files for its client router with every page;
    // without the client runtime nothing reads them. See lib/next-build/segment-data.ts.
    resolveAlias: { "./collect-segment-data": "./lib/next-build/segment-data.ts" },
  },
  // Server code runs only at build time, in Node, to write static files. So the libraries below are
  // loaded from node_modules instead of being bundled, and the server bundle is neither minified nor
  // source-mapped: compiling went from 8.8 s to 4.5 s on every cold build, pages generating as fast.
  serverExternalPackages: [
    "shiki", "liquidjs", "zod", "unified", "remark-parse", "remark-gfm", "remark-rehype", "rehype-raw", "rehype-sanitize",
    "rehype-stringify", "rehype-parse", "feed", "gray-matter", "image-size", "hast-util-from-html",
    "mdast-util-from-markdown", "hast-util-to-string", "mdast-util-to-string", "hastscript", "github-slugger", "yaml", "vfile",
    "vfile-message", "remark-math", "rehype-katex", "katex",
  ],
  experimental: {
    serverMinification: false,
    turbopackSourceMaps: false,
    // Pages are generated in one worker per core: Next's default (cores - 1) leaves a core idle,
    // since the main process only waits while pages are generated.
    cpus: Math.max(1, os.availableParallelism()),
    // More pages in flight per worker, so file writes overlap with rendering.
    staticGenerationMaxConcurrency: 32,
  },
};

module.exports = nextConfig;
