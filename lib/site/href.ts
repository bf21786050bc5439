/**
 * A site path as pages link to it: percent-encoded and under Jekyll's
 * `baseurl`, as `{{ url | relative_url }}` gives it. next.config.js sets
 * BLOG_BASE_PATH from the config and Next.js inlines it into the pages. The
 * site model keeps Jekyll's URLs without the base (`page.url`), which are also
 * where the files lie in out/. Absolute URLs are left as they are.
 */
export function linkTo(path: string): string {
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(path)) return encodeURI(path);
  return `${process.env.BLOG_BASE_PATH ?? ""}${encodeURI(path)}`;
}
