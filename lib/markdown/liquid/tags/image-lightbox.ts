import { choice, unknownArguments } from "../arguments";
import type { TagRenderer } from "../types";
import { captionText, missingImageArgument, renderImage } from "./image-custom";

// The old theme cropped lightbox teasers to a band and used align to pick it.
const ALIGNS = ["top", "center", "bottom"];

/**
 * `{% image_lightbox image="/assets/x.jpg" align="top" %}`: a full-width
 * image linked to its full-size file.
 */
export const imageLightbox: TagRenderer = (args, ctx) => {
  const problems = unknownArguments("image_lightbox", args, { named: ["image", "align", "caption", "alt"] });

  const image = args.named.get("image")?.trim();
  if (!image) return { problems: [...problems, missingImageArgument("image_lightbox", args.markup)] };

  const align = choice(args, "image_lightbox", "align", ALIGNS, "center", problems);

  const output = renderImage(
    {
      tag: "image_lightbox",
      image,
      align,
      caption: captionText(args.named.get("caption")),
      alt: args.named.get("alt"),
      lightbox: true,
      circle: false,
      classes: ["image-lightbox"],
    },
    ctx,
  );
  return { element: output.element, problems: [...problems, ...(output.problems ?? [])] };
};
