import { h } from "hastscript";
import { unknownArguments } from "../arguments";
import { captionText } from "./image-custom";
import type { TagProblem, TagRenderer } from "../types";

const VIDEO_ID = /^[A-Za-z0-9_-]{6,20}$/;

/**
 * `{% youtube_video video_id="wNQ7B0rIB3g" width="640" height="360" %}`: a
 * link to the video in a box of the video's shape. Nothing is loaded from
 * YouTube with the page (privacy, speed); a small script may swap the link
 * for a youtube-nocookie player on click.
 */
export const youtubeVideo: TagRenderer = (args) => {
  const problems: TagProblem[] = unknownArguments("youtube_video", args, { named: ["video_id", "width", "height", "caption"] });

  const id = args.named.get("video_id")?.trim();
  if (!id || !VIDEO_ID.test(id)) {
    problems.push({
      rule: "liquid/bad-argument",
      message: id ? "{% youtube_video %} video_id is not a YouTube video id" : "{% youtube_video %} needs a video_id",
      found: id ?? args.markup.trim(),
      expected: 'video_id="..." with the 11 characters after watch?v= in the video\'s URL',
    });
    return { problems };
  }

  let ratio = "16/9";
  const width = args.named.get("width");
  const height = args.named.get("height");
  if (width !== undefined || height !== undefined) {
    const w = Number(width?.replace(/px$/i, ""));
    const hgt = Number(height?.replace(/px$/i, ""));
    if (w > 0 && hgt > 0) ratio = `${w}/${hgt}`;
    else {
      problems.push({
        rule: "liquid/bad-argument",
        message: "{% youtube_video %} width and height must both be positive numbers (they set the shape)",
        found: `width=${width ?? ""} height=${height ?? ""}`,
        expected: 'width="640" height="360"',
      });
    }
  }

  // An optional caption (underscores for spaces, as image_custom) also names the player for screen readers.
  const caption = captionText(args.named.get("caption"));
  const element = h("figure", { className: ["video-embed"], style: `aspect-ratio:${ratio}` }, [
    h(
      "a",
      { className: ["video-embed-link"], href: `https://www.youtube.com/watch?v=${id}`, dataYoutubeId: id },
      "Play video on YouTube",
    ),
    ...(caption ? [h("figcaption", caption)] : []),
  ]);
  return { element, problems };
};
