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
};

module.exports = nextConfig;
