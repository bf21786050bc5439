import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PostCard } from "@/components/post-card";
import { PostHeader } from "@/components/post-header";
import { loadContent } from "@/lib/content/load";
import { BASIC_CONFIG, makeSite, post } from "@/lib/testing/site-fixture";
import { buildSite } from "./model";
import { isSearchable, searchablePageFiles } from "./routes";
import { currentMode, isVisible, statusOf } from "./visibility";

const NOW = new Date("2024-06-01T12:00:00Z");

function fixture() {
  return loadContent(
    makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-public.md": post("title: Public\ncategory: team"),
      "_posts/2024/2024-01-02-unpublished.md": post("title: Unpublished\ncategory: team\npublished: false"),
      "_posts/2030/2030-01-01-scheduled.md": post("title: Scheduled\ncategory: team"),
      "_drafts/idea.md": post("title: Idea\ncategory: team"),
    }),
  );
}

describe("the visibility rule", () => {
  it("publishes only posts that are not drafts and not in the future", () => {
    const content = fixture();
    const statuses = Object.fromEntries(content.posts.map((p) => [p.title, statusOf(p, NOW)]));
    expect(statuses).toEqual({ Public: "published", Unpublished: "draft", Scheduled: "scheduled", Idea: "draft" });
    const production = { drafts: false, future: false, now: NOW };
    expect(content.posts.filter((p) => isVisible(statusOf(p, NOW), production)).map((p) => p.title)).toEqual(["Public"]);
  });

  it("--drafts and --future (and next dev) show them, marked as such on cards and post headers", () => {
    const site = buildSite(fixture(), { drafts: true, future: true, now: NOW });
    expect(site.posts.map((p) => [p.title, p.status])).toEqual([
      ["Scheduled", "scheduled"],
      ["Idea", "draft"],
      ["Unpublished", "draft"],
      ["Public", "published"],
    ]);
    const card = (title: string) => renderToStaticMarkup(createElement(PostCard, { post: site.posts.find((p) => p.title === title)!, locale: "en-US", timezone: "UTC" }));
    expect(card("Idea")).toContain('<span class="status-badge status-draft">Draft</span>');
    expect(card("Scheduled")).toContain('<span class="status-badge status-scheduled">Scheduled</span>');
    expect(card("Public")).not.toContain("status-badge");
    const header = renderToStaticMarkup(createElement(PostHeader, { post: site.posts.find((p) => p.title === "Unpublished")!, locale: "en-US", timezone: "UTC" }));
    expect(header).toContain(">Draft</span>");
  });

  it("search indexes the pages of published posts only, by the files the export writes", () => {
    const root = makeSite({
      "_config.yml": BASIC_CONFIG,
      "_posts/2024/2024-01-01-public.md": post("title: Public\ncategory: team"),
      "_posts/2024/2024-01-03-legacy.md": post("title: Legacy\npermalink: /legacy"),
      "_posts/2024/2024-01-04-moved.md": post("title: Moved\nredirect_to: https://example.com/moved/"),
      "_posts/2030/2030-01-01-scheduled.md": post("title: Scheduled\ncategory: team"),
      "_drafts/idea.md": post("title: Idea\ncategory: team"),
    });
    const site = buildSite(loadContent(root), { drafts: true, future: true, now: NOW });
    expect(site.posts.filter(isSearchable).map((p) => p.title).sort()).toEqual(["Legacy", "Moved", "Public"]);
    // A post that forwards elsewhere has a redirect page, which marks nothing for the index.
    expect(searchablePageFiles(site.routes.values()).sort()).toEqual(["blog/team/public/index.html", "legacy.html"]);
  });

  it("reads the mode from the environment: production publishes only public posts unless asked", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { NODE_ENV: "production", BLOG_DRAFTS: "", BLOG_FUTURE: "" });
      expect(currentMode(false)).toMatchObject({ drafts: false, future: false });
      Object.assign(process.env, { BLOG_DRAFTS: "1", BLOG_FUTURE: "1" });
      expect(currentMode(false)).toMatchObject({ drafts: true, future: true });
      Object.assign(process.env, { NODE_ENV: "development", BLOG_DRAFTS: "", BLOG_FUTURE: "" });
      expect(currentMode(false)).toMatchObject({ drafts: true, future: true });
    } finally {
      process.env = saved;
    }
  });
});
