import { expect } from "vitest";
import { xml2js, type ElementCompact } from "xml-js";

/** Strict XML parse (throws on anything malformed), plus the namespace check the parser does not do. */
export function parseXml(text: string): ElementCompact {
  const document = xml2js(text, { compact: true }) as ElementCompact;
  const rootTag = text.match(/<(?!\?)([^\s>]+)([^>]*)>/);
  for (const prefix of new Set([...text.matchAll(/<\/?([a-zA-Z]+):[a-zA-Z]/g)].map((m) => m[1]))) {
    expect(rootTag?.[2], `namespace prefix ${prefix}: is declared`).toContain(`xmlns:${prefix}=`);
  }
  return document;
}

/** An element or a list of them, as a list. */
export function list(value: unknown): ElementCompact[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as ElementCompact[];
}

/** An element's text; a CDATA section split to hold `]]>` comes back as a list. */
export function text(element: ElementCompact | undefined): string {
  const value: unknown = element?._cdata ?? element?._text ?? "";
  return Array.isArray(value) ? value.join("") : String(value);
}

/** No root-relative or relative link or image in feed HTML: every URL has a scheme (content may use odd ones). */
export function expectAbsoluteUrls(html: string): void {
  for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^[a-z][a-z0-9+.-]*:/i);
}

// Date formats the feed specs require.
export const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
