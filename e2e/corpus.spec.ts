import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { test, expect } from "./fixtures";

// The real ePages blog (../shared/corpus/devblog), built unchanged by `npm test`
// (scripts/test.mjs) and served on its own port; see the "corpus" project in playwright.config.ts.
const CORPUS = path.resolve(__dirname, "../../shared/corpus/devblog");

interface CorpusPost {
  file: string;
  title: string;
  /** The URL Jekyll gave it: permalink /blog/:categories/:title/ */
  url: string;
  date: string;
  languages: string[];
}

function corpusPosts(): CorpusPost[] {
  const files = fs.readdirSync(path.join(CORPUS, "_posts"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  return files.map((file) => {
    const { data, content } = matter(fs.readFileSync(path.join(CORPUS, "_posts", file), "utf8"));
    const name = path.basename(file, ".md");
    const languages = [...content.matchAll(/{%-?\s*highlight\s+([A-Za-z0-9_+-]+)/g)].map((m) => m[1]!.toLowerCase());
    return { file, title: String(data.title).trim(), url: `/blog/${String(data.category).toLowerCase()}/${name.slice(11)}/`, date: name.slice(0, 10), languages };
  });
}

const posts = corpusPosts();

test("every post has a page at its old URL (Jekyll keeps the later of two posts at one URL)", async ({ request }) => {
  const byUrl = new Map<string, CorpusPost>();
  for (const post of [...posts].sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file))) byUrl.set(post.url, post);
  expect(byUrl.size).toBe(posts.length - 1);
  for (const [url, post] of byUrl) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    // Other attributes (such as the search index's) may follow the class.
    expect(html, url).toMatch(new RegExp(`<h1 class="post-title"[^>]*>${escapeRegExp(escapeHtml(post.title))}</h1>`));
  }
});

test("no Liquid or kramdown syntax reaches a page outside code", async ({ request }) => {
  for (const post of posts) {
    const html = await (await request.get(post.url)).text();
    const body = /<div class="prose post-body"[^>]*>([\s\S]*?)<\/div><footer/.exec(html)?.[1] ?? "";
    expect(body.length, post.url).toBeGreaterThan(0);
    const prose = body.replace(/<pre[\s\S]*?<\/pre>|<code[\s\S]*?<\/code>/g, "").replace(/<[^>]+>/g, "");
    for (const syntax of ["{%", "%}", "{{", "{:"]) expect(prose.includes(syntax), `${syntax} in ${post.url}`).toBe(false);
  }
});

test("code blocks keep their language", async ({ request }) => {
  const withCode = posts.filter((p) => p.languages.some((l) => !["text", "plain", "none"].includes(l)));
  expect(withCode.length).toBeGreaterThan(10);
  for (const post of withCode) {
    const html = await (await request.get(post.url)).text();
    for (const language of new Set(post.languages)) {
      if (["text", "plain", "none"].includes(language)) continue;
      expect(html, `${language} in ${post.url}`).toMatch(new RegExp(`data-language="${language}"`));
    }
  }
});

test("every /blog/ link in a post resolves", async ({ request }) => {
  const links = new Set<string>();
  for (const post of posts) {
    const html = await (await request.get(post.url)).text();
    const body = /<div class="prose post-body"[^>]*>([\s\S]*?)<\/div><footer/.exec(html)?.[1] ?? "";
    for (const match of body.matchAll(/href="(\/blog\/[^"#?]*)/g)) links.add(match[1]!);
  }
  expect(links.size).toBeGreaterThan(20);
  for (const link of links) expect((await request.get(link)).status(), link).toBe(200);
});

test("the previous URL scheme redirects to the current one", async ({ page }) => {
  await page.goto("/blog/2016/03/30/implementing-capistrano-as-configuration-management-tool.html");
  await expect(page).toHaveURL(/\/blog\/tech-stories\/implementing-capistrano-as-configuration-management-tool\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Implementing Capistrano as Configuration Management Tool");
});

test("a post with site tags and missing images reads well", async ({ page }) => {
  await page.goto("/blog/tech-stories/online-schema-updates-with-mysql/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Every image in this corpus is missing: no <img> (no broken-image icon), the post still renders
  // its five {% image_custom %} tags as nothing or their captions, and the text around them.
  await expect(page.locator(".post-body img")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Conclusion" })).toBeVisible();
  await page.goto("/blog/events/epages-hackathon-2016/");
  await expect(page.getByRole("link", { name: "Play video on YouTube" })).toBeVisible();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function escapeHtml(text: string): string {
  // As React escapes text.
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

test("search finds posts in each of the blog's search indexes, and links them at their URLs", async ({ page, request }) => {
  // scripts/test.mjs builds this blog with 70 posts per index, as a large blog's posts are split.
  expect(await (await request.get("/pagefind/more-indexes.json")).json()).toEqual(["index-2/", "index-3/"]);
  // The indexes take turns over the posts in the order of their files' paths: the first three posts are in different ones.
  const published = [...new Map(posts.map((post) => [post.url, post])).values()].sort((a, b) => (a.url < b.url ? -1 : 1));
  for (const post of published.slice(0, 3)) {
    await page.goto(`/blog/search/?q=${encodeURIComponent(post.title)}`);
    await expect(page.locator(".search-result").first()).toBeVisible();
    await expect(page.locator(`.search-result-title a[href="${post.url}"]`), post.title).toHaveCount(1);
  }
});
