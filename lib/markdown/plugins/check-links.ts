import type { Element, Root } from "hast";
import { visit } from "../tree";
import type { VFile } from "vfile";
import type { RenderContext } from "../context";

export interface LinkCheckData {
  renderContext?: RenderContext;
  /** The post's own URL path, for relative links and image paths. */
  pageUrl?: string;
}

/** URLs that run code where a link or an image is expected (browsers ignore leading spaces and control characters). */
const SCRIPT_URL = /^[\s\u0000-\u001f]*(?:(?:javascript|vbscript)\s*:|data:text\/html)/i;

type Report = (node: Element, ruleId: string, reason: string, detail: { actual?: string; expected?: string; note?: string }) => void;

/**
 * Checks links and images against the site: internal links to pages that do
 * not exist, anchors to missing headings, insecure external links, missing
 * images and images without alt text. Images the site has get their size
 * (no layout shift) and lazy loading; a missing image is replaced by its alt
 * text, never a broken-image icon.
 */
export function rehypeCheckLinks() {
  return (tree: Root, file: VFile) => {
    const { renderContext: context, pageUrl = "/" } = file.data as LinkCheckData;
    if (!context) return;
    const origin = safeOrigin(context.config.url);
    const base = context.config.baseurl;
    const ids = new Set<string>();
    const duplicateHeadings: Element[] = [];
    visit(tree, "element", (node: Element) => {
      const id = node.properties.id ?? (node.tagName === "a" ? node.properties.name : undefined);
      if (typeof id !== "string") return;
      // Two headings with one id (`## Setup {#setup}` after a `## Setup`): the table of contents and links reach only the first.
      if (ids.has(id) && /^h[1-6]$/.test(node.tagName)) duplicateHeadings.push(node);
      ids.add(id);
    });
    const reported = new Set<string>();
    const report: Report = (node, ruleId, reason, detail) => {
      const key = `${ruleId}|${detail.actual ?? reason}`;
      if (reported.has(key)) return;
      reported.add(key);
      const message = file.message(reason, { place: node.position, ruleId, source: "blog" });
      message.actual = detail.actual;
      if (detail.expected) message.expected = [detail.expected];
      message.note = detail.note;
    };

    for (const heading of duplicateHeadings) {
      const id = String(heading.properties.id);
      report(heading, "links/duplicate-id", `A heading has the id #${id}, which an element before it has: links and the table of contents lead to the first`, {
        actual: `#${id}`, expected: "an id of its own", note: "give the heading its own id with {#another-id}, or rename it",
      });
    }

    visit(tree, "element", (node: Element, index, parent) => {
      for (const attribute of ["href", "src"] as const) {
        const value = node.properties[attribute];
        // `sanitize: true` removes these; without it they run in readers' browsers, so the check says so.
        if (typeof value === "string" && SCRIPT_URL.test(value)) {
          report(node, "links/unsafe-url", `A ${attribute} that runs script: ${value.slice(0, 60)}`, {
            actual: value.slice(0, 120), expected: "an http(s) URL or a path", note: "remove it, or set `sanitize: true` in _config.yml if posts come from outside the team",
          });
        }
      }
      if (node.tagName === "a" && typeof node.properties.href === "string") {
        checkHref(node, node.properties.href, { context, origin, base, pageUrl, ids, report });
      } else if (node.tagName === "img" && parent && index !== undefined) {
        const src = typeof node.properties.src === "string" ? node.properties.src.trim() : "";
        if (node.properties.alt === undefined) {
          report(node, "images/no-alt", `Image ${src} has no alt text`, { actual: src, expected: "![what the image shows](path)", note: "describe the image for readers who cannot see it, or write an empty alt (![](...)) if it is decorative" });
        }
        const target = linkTarget(src, origin, base, pageUrl);
        if (target === undefined) {
          node.properties.loading ??= "lazy";
          return;
        }
        if ("outsideBase" in target) {
          const { outsideBase: path } = target;
          report(node, "images/missing", `Image ${path} is outside the site's baseurl ${base}, so it is not there once the site is served under ${base}/`, {
            actual: src, expected: `a path under ${base}/`, note: `write the path as {{ site.baseurl }}${path} or {{ "${path}" | relative_url }}`,
          });
          return;
        }
        const { path } = target;
        const asset = context.asset(path);
        if (!asset) {
          report(node, "images/missing", `Image ${path} does not exist in the content folder`, { actual: src, expected: `a file at ${path.slice(1)} in the content folder`, note: "add the image or correct the path; the page shows the alt text instead" });
          const alt = typeof node.properties.alt === "string" ? node.properties.alt.trim() : "";
          parent.children[index] = alt
            ? { type: "element", tagName: "span", properties: { className: ["image-missing"] }, children: [{ type: "text", value: alt }] }
            : { type: "text", value: "" };
          return;
        }
        if (asset.width && asset.height && node.properties.width === undefined && node.properties.height === undefined) {
          node.properties.width = asset.width;
          node.properties.height = asset.height;
        }
        node.properties.loading ??= "lazy";
        node.properties.decoding ??= "async";
      }
    });
  };
}

interface HrefCheck {
  context: RenderContext;
  origin: string | undefined;
  /** The config's `baseurl`: "" or a path such as /project that every URL of the site starts with. */
  base: string;
  pageUrl: string;
  ids: ReadonlySet<string>;
  report: Report;
}

function checkHref(node: Element, rawHref: string, { context, origin, base, pageUrl, ids, report }: HrefCheck) {
  const href = rawHref.trim();
  if (href.startsWith("#")) {
    const id = safeDecode(href.slice(1));
    if (id && !ids.has(id)) {
      report(node, "links/broken-anchor", `Link to #${id}, but no heading or element has that id`, { actual: href, expected: "the id of a heading on this page", note: "heading ids are the heading text in lowercase with dashes, e.g. ## Setup & Config -> #setup--config" });
    }
    return;
  }
  // `https:/host/path` (one slash): on an https page, browsers read it as a path of this site.
  if (/^https?:\/?(?!\/)/i.test(href)) {
    report(node, "links/broken-internal", `Link ${href} has ${href.includes(":/") ? "one slash" : "no slashes"} after the scheme: browsers read it as a path on this site`, {
      actual: href, expected: `${href.replace(/^(https?):\/?/i, "$1://")}`, note: "write two slashes after https:",
    });
    return;
  }
  if (/^http:\/\//i.test(href) && safeOrigin(href) !== origin && !isLocalHost(href)) {
    report(node, "links/insecure", `Link over http: ${href}`, { actual: href, expected: "an https:// URL", note: "use https:// if the site supports it" });
    return;
  }
  const target = linkTarget(href, origin, base, pageUrl);
  if (target === undefined) return;
  if ("outsideBase" in target) {
    const { outsideBase: path } = target;
    // Paths the config names as served by another part of the site may lie outside the blog's base.
    if (context.resolvePath(path) === "external") return;
    report(node, "links/broken-internal", `Link to ${path}, which is outside the site's baseurl ${base}: once the site is served under ${base}/, it leads nowhere`, {
      actual: href,
      expected: `a URL under ${base}/${context.resolvePath(path) ? `, here ${base}${path}` : ""}`,
      note: `write the link as {{ site.baseurl }}${path} or {{ "${path}" | relative_url }}, or add the path to \`external_paths\` in _config.yml if another site serves it`,
    });
    return;
  }
  const { path } = target;
  if (context.resolvePath(path)) return;
  if (base && (path === base || path.startsWith(`${base}/`)) && context.resolvePath(path.slice(base.length) || "/")) {
    report(node, "links/broken-internal", `Link to ${base}${path}, which has the site's baseurl ${base} twice`, {
      actual: href,
      expected: `${path}, with the baseurl once`,
      note: "{% post_url %} and {% link %} include the baseurl already (as in Jekyll 4): drop the {{ site.baseurl }} in front of them",
    });
    return;
  }
  report(node, "links/broken-internal", `Link to ${path}, which is not a page of this site`, {
    actual: href,
    expected: "the URL of a published post or page",
    note: "correct the URL, or add the path to `external_paths` in _config.yml if another part of the site serves it",
  });
}

/**
 * Where a link into this site (root-relative, relative, or absolute on the
 * site's own origin) points: its decoded path in the site, without the
 * baseurl; or, on a site with a baseurl, a path outside it. Relative links
 * resolve against the page's address, which includes the baseurl.
 */
function linkTarget(href: string, origin: string | undefined, base: string, pageUrl: string): { path: string } | { outsideBase: string } | undefined {
  if (!href || /^(mailto|tel|data|javascript|ftp):/i.test(href) || href.startsWith("//")) return undefined;
  let url: URL;
  try {
    url = new URL(href, `http://site.invalid${base}${pageUrl}`);
  } catch {
    return undefined;
  }
  if (url.origin !== "http://site.invalid" && url.origin !== origin) return undefined;
  const served = safeDecode(url.pathname);
  if (base === "") return { path: served };
  if (served === base || served.startsWith(`${base}/`)) return { path: served.slice(base.length) || "/" };
  return { outsideBase: served };
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Hosts that have no https to switch to: the author's own machine or network
 * (`http://localhost:4000`, `http://192.168.1.10`) and names reserved for
 * examples and tests (RFC 2606, RFC 6761), as setup instructions write them.
 */
function isLocalHost(href: string): boolean {
  let host: string;
  try {
    host = new URL(href).hostname.toLowerCase().replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  return host === "localhost" || host === "::1" || host === "0.0.0.0"
    || /\.(localhost|local|test|example|invalid|internal|lan|home\.arpa)$/.test(host)
    || /^(?:.*\.)?example\.(com|org|net)$/.test(host)
    || /^(127|10)\.\d+\.\d+\.\d+$/.test(host) || /^192\.168\.\d+\.\d+$/.test(host) || /^172\.(1[6-9]|2\d|3[01])\.\d+\.\d+$/.test(host);
}
