import { describe, expect, it } from "vitest";
import { absolutizeHtml, absoluteUrlOf } from "./absolute-urls";

const SITE = "https://blog.example.org";
const PAGE = "https://blog.example.org/blog/team/post/";

describe("absolutizeHtml", () => {
  it("makes root-relative links and images absolute against the site URL", () => {
    const html = '<p><a href="/blog/other/">x</a> <img src="/assets/a.png" alt="a"></p>';
    expect(absolutizeHtml(html, SITE, PAGE)).toBe('<p><a href="https://blog.example.org/blog/other/">x</a> <img src="https://blog.example.org/assets/a.png" alt="a"></p>');
  });

  it("resolves fragments and relative paths against the post's URL", () => {
    expect(absolutizeHtml('<a href="#setup">s</a>', SITE, PAGE)).toBe(`<a href="${PAGE}#setup">s</a>`);
    expect(absolutizeHtml("<img src='../img/b.png'>", SITE, PAGE)).toBe('<img src="https://blog.example.org/blog/team/img/b.png">');
  });

  it("leaves absolute, mailto and data URLs alone", () => {
    const html = '<a href="https://x.example/a">a</a><a href="mailto:a@b.c">c</a><img src="data:image/png;base64,AAA=">';
    expect(absolutizeHtml(html, SITE, PAGE)).toBe(html);
  });

  it("gives protocol-relative URLs the site's scheme", () => {
    expect(absolutizeHtml('<script src="//cdn.example/w.js"></script>', SITE, PAGE)).toBe('<script src="https://cdn.example/w.js"></script>');
  });

  it("rewrites every candidate of a srcset, and poster and cite", () => {
    const html = '<img srcset="/a.png 1x, /b.png 2x"><video poster="/p.jpg"></video><blockquote cite="/q/"></blockquote>';
    expect(absolutizeHtml(html, SITE, PAGE)).toBe(
      '<img srcset="https://blog.example.org/a.png 1x, https://blog.example.org/b.png 2x"><video poster="https://blog.example.org/p.jpg"></video><blockquote cite="https://blog.example.org/q/"></blockquote>',
    );
  });

  it("does not touch HTML shown as text in code", () => {
    const html = '<pre><code>&#x3C;a href="/not-a-link/">x&#x3C;/a></code></pre>';
    expect(absolutizeHtml(html, SITE, PAGE)).toBe(html);
  });

  it("keeps query strings intact, escaped once", () => {
    expect(absolutizeHtml('<a href="/search?q=a&#x26;page=2" data-x="/keep">s</a>', SITE, PAGE)).toBe(
      '<a href="https://blog.example.org/search?q=a&amp;page=2" data-x="/keep">s</a>',
    );
  });

  it("percent-encodes what a URL cannot hold as it is", () => {
    expect(absoluteUrlOf("/blog/über uns/", SITE, PAGE)).toBe("https://blog.example.org/blog/%C3%BCber%20uns/");
  });
});
