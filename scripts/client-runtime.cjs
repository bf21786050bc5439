// What Next.js adds to a page for its client runtime, and how a page says whether it keeps it.
// Shared by the preload that strips pages as Next.js writes them (next-export-preload.cjs) and by the
// pass over the export that strips what that preload did not (finalize-export.mjs).

// Chunk scripts, the Turbopack bootstrap, the inline RSC payload, and preloads of those scripts.
// One expression, so that each page is scanned once (five passes took 0.5 s per 5,000 pages).
const RUNTIME = new RegExp(
  [
    // Under a basePath (Jekyll's baseurl) the chunks are at /base/_next/.
    /<script\b[^>]*\bsrc="[^"]*\/_next\/[^"]*"[^>]*><\/script>/,
    /<script\b[^>]*>\s*\(?(?:self\.__next_f|\(self\.__next_f|globalThis\["TURBOPACK"\]|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/,
    /<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*\/?>/,
    /<link\b[^>]*\bas="script"[^>]*\brel="(?:preload|modulepreload)"[^>]*\/?>/,
    /<link\b[^>]*\brel="modulepreload"[^>]*\/?>/,
  ]
    .map((pattern) => pattern.source)
    .join("|"),
  "g",
);

/**
 * "on" or "off" as the page's `<html data-client-runtime>` says (from `client_runtime` in
 * _config.yml); undefined for HTML that is not a page of the blog (a static file of the content).
 */
function clientRuntimeOf(html) {
  return /<html\b[^>]*data-client-runtime="(on|off)"/.exec(html)?.[1];
}

/** The page without Next.js's runtime scripts and RSC payload. */
function withoutClientRuntime(html) {
  return html.replace(RUNTIME, "");
}

/** Next.js's error shell, which it exports in place of a page whose rendering threw. */
function isErrorShell(html) {
  return /^<!DOCTYPE html><html id="__next_error__"/i.test(html);
}

module.exports = { clientRuntimeOf, withoutClientRuntime, isErrorShell };
