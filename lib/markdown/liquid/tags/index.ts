import type { TagRenderer } from "../types";
import { gist } from "./gist";
import { imageCustom } from "./image-custom";
import { imageLightbox } from "./image-lightbox";
import { twitter } from "./twitter";
import { youtubeVideo } from "./youtube-video";

/**
 * The site's own Liquid tags, by name. Adding a tag for another site is one
 * renderer file and one line here; the engine registers every entry.
 */
export const siteTags: ReadonlyMap<string, TagRenderer> = new Map<string, TagRenderer>([
  ["image_custom", imageCustom],
  ["image_lightbox", imageLightbox],
  ["youtube_video", youtubeVideo],
  ["twitter", twitter],
  ["gist", gist],
]);
