import { describe, expect, it } from "vitest";
import { capSlug, checkPath, expandPermalink, slugify } from "./index";

const subject = {
  categories: ["Tech-Stories"],
  slug: "My Post_Title",
  date: new Date("2016-03-08T09:00:00Z"),
  timezone: "UTC",
};

describe("expandPermalink", () => {
  it("expands the ePages pattern", () => {
    expect(expandPermalink("/blog/:categories/:title/", { ...subject, slug: "online-schema-updates" })).toEqual({
      ok: true,
      path: "/blog/tech-stories/online-schema-updates/",
    });
  });

  it("expands Jekyll's built-in styles", () => {
    const s = { ...subject, slug: "hello-world" };
    expect(expandPermalink("date", s)).toMatchObject({ path: "/tech-stories/2016/03/08/hello-world.html" });
    expect(expandPermalink("pretty", s)).toMatchObject({ path: "/tech-stories/2016/03/08/hello-world/" });
    expect(expandPermalink("ordinal", s)).toMatchObject({ path: "/tech-stories/2016/068/hello-world.html" });
    expect(expandPermalink("none", s)).toMatchObject({ path: "/tech-stories/hello-world.html" });
  });

  it("knows the numeric and short placeholders", () => {
    const result = expandPermalink("/:short_year/:i_month/:i_day/:year-:month-:day/:slug:output_ext", subject);
    expect(result).toMatchObject({ path: "/16/3/8/2016-03-08/my-post-title.html" });
  });

  it("squeezes empty segments when a post has no category", () => {
    expect(expandPermalink("/blog/:categories/:title/", { ...subject, categories: [], slug: "x" })).toMatchObject({ path: "/blog/x/" });
  });

  it("keeps the case of :title and lowercases :slug, as Jekyll does", () => {
    expect(expandPermalink("/:title/", subject)).toMatchObject({ path: "/My-Post_Title/" });
    expect(expandPermalink("/:slug/", subject)).toMatchObject({ path: "/my-post-title/" });
  });

  it("uses the site's timezone for date parts", () => {
    const late = { ...subject, date: new Date("2016-12-31T23:30:00Z"), timezone: "Europe/Berlin" };
    expect(expandPermalink("/:year/:month/:day/", late)).toMatchObject({ path: "/2017/01/01/" });
  });

  it("rejects unknown placeholders and paths that leave the site", () => {
    expect(expandPermalink("/blog/:nonsense/", subject)).toEqual({ ok: false, reason: "unknown-placeholder", detail: ":nonsense" });
    expect(checkPath("/blog/../../etc/passwd")).toMatchObject({ ok: false, reason: "outside-site" });
    expect(checkPath("/blog/what?/")).toMatchObject({ ok: false, reason: "unservable" });
    expect(checkPath(`/blog/${"k".repeat(201)}/`)).toMatchObject({ ok: false, reason: "unservable", detail: expect.stringContaining("201 bytes") });
    expect(checkPath(`/blog/${"标".repeat(66)}/`)).toMatchObject({ ok: true });
    expect(checkPath(`/blog/${"标".repeat(67)}/`)).toMatchObject({ ok: false, reason: "unservable" });
  });

  it("reads /a/index.html as the URL /a/, which a static host serves from that file, and drops `.` segments", () => {
    expect(checkPath("/blog/index.html")).toEqual({ ok: true, path: "/blog/" });
    expect(checkPath("/index.html")).toEqual({ ok: true, path: "/" });
    expect(checkPath("/a/./b/")).toEqual({ ok: true, path: "/a/b/" });
    expect(checkPath("/a/b.index.html")).toEqual({ ok: true, path: "/a/b.index.html" });
    expect(checkPath("/a/./../b/")).toMatchObject({ ok: false, reason: "outside-site" });
  });
});

describe("slugify", () => {
  it("matches Jekyll's default and pretty modes", () => {
    expect(slugify("Continuous Delivery")).toBe("continuous-delivery");
    expect(slugify("  C++ & Rust!  ")).toBe("c-rust");
    expect(slugify("Ángel's café")).toBe("ángel-s-café");
    expect(slugify("v1.2 (beta)", { mode: "pretty", cased: true })).toBe("v1.2-(beta)");
  });
});

describe("capSlug", () => {
  it("keeps slugs that fit a folder name and cuts longer ones at a character, with a hash that keeps them apart", () => {
    expect(capSlug("continuous-delivery")).toBe("continuous-delivery");
    const bytes = (text: string) => new TextEncoder().encode(text).length;
    const cjk = capSlug("标签".repeat(45));
    expect(bytes(cjk)).toBeLessThanOrEqual(100);
    expect(cjk).toMatch(/^(标签)+标?-[0-9a-f]{8}$/);
    const a = capSlug(`${"k".repeat(300)}a`);
    const b = capSlug(`${"k".repeat(300)}b`);
    expect(a).not.toBe(b);
    expect(bytes(a)).toBeLessThanOrEqual(100);
  });
});
