/**
 * Feed readers show a post away from the site, so links and images in its
 * HTML must carry the full URL. Rewrites `href`, `src`, `poster`, `cite` and
 * `srcset` in the tags of rendered HTML: root-relative paths (`/assets/x.png`)
 * against the site URL, fragments (`#setup`) and relative paths against the
 * post's URL, protocol-relative ones with the site's scheme. Text, including
 * code that shows HTML, is left as it is.
 */

// A start tag with its attributes; text never contains a raw `<` in serialized HTML.
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const URL_ATTRIBUTE = /(\s)(href|src|poster|cite|srcset)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

export function absolutizeHtml(html: string, siteUrl: string, pageUrl: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (_match, space: string, name: string, equals: string, double?: string, single?: string) => {
      const value = decodeAttribute(double ?? single ?? "");
      const absolute = name.toLowerCase() === "srcset" ? absoluteSrcset(value, siteUrl, pageUrl) : absoluteUrlOf(value, siteUrl, pageUrl);
      return `${space}${name}${equals}"${encodeAttribute(absolute)}"`;
    }),
  );
}

/**
 * One URL made absolute. URLs with a scheme (https:, mailto:, data:) stay;
 * protocol-relative ones (`//cdn.example/x.js`) get the site's scheme, since a
 * reader app has no page whose scheme they could take.
 */
export function absoluteUrlOf(url: string, siteUrl: string, pageUrl: string): string {
  const trimmed = url.trim();
  if (trimmed === "" || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return url;
  try {
    if (trimmed.startsWith("//")) return new URL(`${new URL(siteUrl).protocol}${trimmed}`).href;
    return trimmed.startsWith("/") ? new URL(`${siteUrl}${trimmed}`).href : new URL(trimmed, pageUrl).href;
  } catch {
    return url;
  }
}

function absoluteSrcset(srcset: string, siteUrl: string, pageUrl: string): string {
  return srcset
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [absoluteUrlOf(url, siteUrl, pageUrl), ...descriptor].join(" ");
    })
    .join(", ");
}

// rehype-stringify writes `&` and `"` in attribute values as character references.
function decodeAttribute(value: string): string {
  return value.replace(/&(?:#x26|#38|amp);/gi, "&").replace(/&(?:#x22|#34|quot);/gi, '"').replace(/&(?:#x27|#39|apos);/gi, "'");
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}
