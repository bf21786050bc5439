import { describe, expect, it } from "vitest";
import { parseArguments } from "./arguments";
import { siteTags } from "./tags";
import { gist } from "./tags/gist";
import { imageCustom } from "./tags/image-custom";
import { imageLightbox } from "./tags/image-lightbox";
import { twitter } from "./tags/twitter";
import { youtubeVideo } from "./tags/youtube-video";
import { stubContext, toHtml } from "./testing";
import type { TagRenderer } from "./types";

const run = (renderer: TagRenderer, markup: string, ctx = stubContext()) => {
  const parsed = parseArguments(markup);
  const output = renderer(parsed.args, ctx);
  return { html: toHtml(output.element), problems: [...parsed.problems, ...(output.problems ?? [])] };
};

describe("the tag registry", () => {
  it("registers the site's tags by name", () => {
    expect([...siteTags.keys()].sort()).toEqual(["gist", "image_custom", "image_lightbox", "twitter", "youtube_video"]);
  });
});

describe("image_custom", () => {
  it("renders a figure with width, alignment, caption as alt text, lazy loading and the file's size", () => {
    const { html, problems } = run(imageCustom, `image="/assets/img/photo.jpg" width="50" align="right" caption="CDP_with_updates"`);
    expect(problems).toEqual([]);
    expect(html).toBe(
      '<figure class="image-custom align-right" style="width:50%">' +
        '<img src="/assets/img/photo.jpg" alt="CDP with updates" loading="lazy" decoding="async" width="800" height="600">' +
        "<figcaption>CDP with updates</figcaption></figure>",
    );
  });

  it("centers by default and leaves width and height out when the file has no intrinsic size", () => {
    const { html } = run(imageCustom, `image="/assets/img/diagram.svg"`);
    expect(html).toBe('<figure class="image-custom align-center"><img src="/assets/img/diagram.svg" alt="" loading="lazy" decoding="async"></figure>');
  });

  it("links to the full-size file for lightbox, bare or as lightbox=\"true\", and rounds circle images", () => {
    for (const markup of [`image="/assets/img/photo.jpg" lightbox circle`, `image="/assets/img/photo.jpg" lightbox="true" circle="true"`]) {
      const { html, problems } = run(imageCustom, markup);
      expect(problems).toEqual([]);
      expect(html).toContain('<a href="/assets/img/photo.jpg" class="lightbox" aria-label="View the image in full size"><img');
      expect(html).toContain('class="image-circle"');
    }
  });

  it("reports a missing image and shows only its caption, without a broken image", () => {
    const { html, problems } = run(imageCustom, `image="/assets/img/gone.png" width="50" caption="Lost_photo"`);
    expect(html).toBe('<figure class="image-missing"><figcaption>Lost photo</figcaption></figure>');
    expect(problems).toMatchObject([{ rule: "images/missing", found: "/assets/img/gone.png" }]);
  });

  it("renders nothing for a missing image without text", () => {
    const { html, problems } = run(imageCustom, `image="/assets/img/gone.png"`);
    expect(html).toBe("");
    expect(problems.map((p) => p.rule)).toEqual(["images/missing"]);
  });

  it("reports bad arguments and still renders what it can", () => {
    const { html, problems } = run(imageCustom, `image="/assets/img/photo.jpg" width="wide" align="middle" zoom`);
    expect(html).toContain('<figure class="image-custom align-center">');
    expect(problems.map((p) => p.found)).toEqual(["zoom", "wide", "middle"]);
    expect(problems.every((p) => p.rule === "liquid/bad-argument")).toBe(true);
  });

  it("needs an image", () => {
    const { html, problems } = run(imageCustom, `width="50"`);
    expect(html).toBe("");
    expect(problems).toMatchObject([{ rule: "liquid/bad-argument", message: "{% image_custom %} needs an image" }]);
  });
});

describe("image_lightbox", () => {
  it("renders a full-width image linked to itself", () => {
    const { html, problems } = run(imageLightbox, `image="/assets/img/photo.jpg" align="top"`);
    expect(problems).toEqual([]);
    expect(html).toBe(
      '<figure class="image-custom align-top image-lightbox"><a href="/assets/img/photo.jpg" class="lightbox" aria-label="View the image in full size">' +
        '<img src="/assets/img/photo.jpg" alt="" loading="lazy" decoding="async" width="800" height="600"></a></figure>',
    );
  });

  it("reports a missing image and renders nothing", () => {
    const { html, problems } = run(imageLightbox, `image="/assets/img/gone.jpg"`);
    expect(html).toBe("");
    expect(problems.map((p) => p.rule)).toEqual(["images/missing"]);
  });
});

describe("youtube_video", () => {
  it("renders a link in a 16:9 box, with no request to YouTube at page load", () => {
    const { html, problems } = run(youtubeVideo, `video_id="wNQ7B0rIB3g"`);
    expect(problems).toEqual([]);
    expect(html).toBe(
      '<figure class="video-embed" style="aspect-ratio:16/9"><a class="video-embed-link" href="https://www.youtube.com/watch?v=wNQ7B0rIB3g" data-youtube-id="wNQ7B0rIB3g">Play video on YouTube</a></figure>',
    );
    expect(html).not.toMatch(/<iframe|ytimg|<img/);
  });

  it("takes the shape from width and height", () => {
    expect(run(youtubeVideo, `video_id="wNQ7B0rIB3g" width="640" height="480"`).html).toContain('style="aspect-ratio:640/480"');
  });

  it("rejects a missing or malformed video id", () => {
    for (const markup of [``, `video_id="x"`, `video_id="abc<script>"`]) {
      const { html, problems } = run(youtubeVideo, markup);
      expect(html).toBe("");
      expect(problems.map((p) => p.rule)).toEqual(["liquid/bad-argument"]);
    }
  });

  it("reports a width without a height", () => {
    const { html, problems } = run(youtubeVideo, `video_id="wNQ7B0rIB3g" width="640"`);
    expect(html).toContain("aspect-ratio:16/9");
    expect(problems.map((p) => p.rule)).toEqual(["liquid/bad-argument"]);
  });
});

describe("twitter", () => {
  it("renders a static card linking to the post, without tracking parameters", () => {
    const { html, problems } = run(twitter, `https://twitter.com/codePrincess/status/964445393173012480?ref_src=twsrc%5Etfw&ref_url=http%3A%2F%2F127.0.0.1%3A4000%2F`);
    expect(problems).toEqual([]);
    expect(html).toBe(
      '<blockquote class="tweet-card"><p>Post on X/Twitter by @codePrincess</p><a href="https://twitter.com/codePrincess/status/964445393173012480">View the post</a></blockquote>',
    );
  });

  it("accepts x.com URLs", () => {
    expect(run(twitter, `https://x.com/someone/status/1`).html).toContain("@someone");
  });

  it("rejects a missing or non-post URL", () => {
    for (const markup of [``, `https://twitter.com/someone`, `https://example.com/a/status/1`]) {
      const { html, problems } = run(twitter, markup);
      expect(html).toBe("");
      expect(problems.map((p) => p.rule)).toEqual(["liquid/bad-argument"]);
    }
  });
});

describe("gist (jekyll-gist)", () => {
  it("renders a card linking to the gist, and to the file when one is named", () => {
    expect(run(gist, "parkr/c08ee0f2726fd0e3909d").html).toBe(
      '<blockquote class="tweet-card gist-card"><p>A GitHub gist by parkr</p><a href="https://gist.github.com/parkr/c08ee0f2726fd0e3909d">View the code on GitHub</a></blockquote>',
    );
    const { html, problems } = run(gist, "c08ee0f2726fd0e3909d test.md");
    expect(problems).toEqual([]);
    expect(html).toContain('href="https://gist.github.com/c08ee0f2726fd0e3909d#file-test-md"');
    expect(html).toContain("<p>test.md (a GitHub gist)</p>");
  });

  it("rejects something that is not a gist id", () => {
    for (const markup of ["", "https://example.com/x", "a b c"]) {
      const { html, problems } = run(gist, markup);
      expect(html).toBe("");
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.rule === "liquid/bad-argument")).toBe(true);
    }
  });
});
