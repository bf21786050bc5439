import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { choice, flag, unknownArguments } from "../arguments";
import type { LiquidContext, TagProblem, TagRenderer } from "../types";

export interface ImageOptions {
  tag: string;
  image: string;
  /** Percent of the text column, 1-100. */
  width?: number;
  /** Becomes the figure's `align-*` class. */
  align: string;
  caption?: string;
  alt?: string;
  lightbox: boolean;
  circle: boolean;
  /** Extra classes on the figure. */
  classes?: string[];
}

const ALIGNS = ["left", "center", "right"];

/**
 * `{% image_custom image="/assets/x.png" width="50" align="right"
 * caption="Some_caption" lightbox circle %}`: an image at a percentage of
 * the column, floated or centered, optionally captioned and linked to the
 * full-size file.
 */
export const imageCustom: TagRenderer = (args, ctx) => {
  const problems = unknownArguments("image_custom", args, {
    named: ["image", "width", "align", "caption", "alt", "lightbox", "circle"],
    flags: ["lightbox", "circle"],
  });

  const image = args.named.get("image")?.trim();
  if (!image) return { problems: [...problems, missingImageArgument("image_custom", args.markup)] };

  let width: number | undefined;
  const widthText = args.named.get("width");
  if (widthText !== undefined) {
    width = parsePercent(widthText);
    if (width === undefined) {
      problems.push({
        rule: "liquid/bad-argument",
        message: `{% image_custom %} width must be a percentage of the column`,
        found: widthText,
        expected: 'a number from 1 to 100, e.g. width="50"',
      });
    }
  }

  const align = choice(args, "image_custom", "align", ALIGNS, "center", problems);

  const output = renderImage(
    {
      tag: "image_custom",
      image,
      width,
      align,
      caption: captionText(args.named.get("caption")),
      alt: args.named.get("alt"),
      lightbox: flag(args, "lightbox"),
      circle: flag(args, "circle"),
    },
    ctx,
  );
  return { element: output.element, problems: [...problems, ...(output.problems ?? [])] };
};

/** Shared by the image tags: the figure, or only its text when the file is missing. */
export function renderImage(options: ImageOptions, ctx: LiquidContext): { element?: Element; problems?: TagProblem[] } {
  const alt = options.alt ?? options.caption ?? "";
  const external = /^(https?:)?\/\//i.test(options.image);
  const asset = external ? {} : ctx.asset(options.image);

  if (!asset) {
    const problem: TagProblem = {
      rule: "images/missing",
      message: `{% ${options.tag} %} refers to an image that does not exist: ${options.image}`,
      found: options.image,
      expected: "a file under assets/",
      hint: "Add the file to the content's assets/ folder or correct the path.",
    };
    // No broken-image icon: keep only the words the author wrote.
    const text = options.caption ?? options.alt;
    const element = text ? h("figure", { className: ["image-missing"] }, [h("figcaption", text)]) : undefined;
    return { element, problems: [problem] };
  }

  const img = h("img", {
    src: options.image,
    alt,
    loading: "lazy",
    decoding: "async",
    width: asset.width,
    height: asset.height,
    className: options.circle ? ["image-circle"] : undefined,
  });
  // A link around an image without alt text would have no accessible name.
  const picture: ElementContent = options.lightbox
    ? h("a", { href: options.image, className: ["lightbox"], ariaLabel: alt ? undefined : "View the image in full size" }, [img])
    : img;

  const children: ElementContent[] = [picture];
  if (options.caption) children.push(h("figcaption", options.caption));

  const element = h(
    "figure",
    {
      className: ["image-custom", `align-${options.align}`, ...(options.classes ?? [])],
      style: options.width === undefined ? undefined : `width:${options.width}%`,
    },
    children,
  );
  return { element };
}

export function missingImageArgument(tag: string, markup: string): TagProblem {
  return {
    rule: "liquid/bad-argument",
    message: `{% ${tag} %} needs an image`,
    found: markup.trim(),
    expected: `{% ${tag} image="/assets/..." %}`,
  };
}

/** Jekyll-era captions use underscores for spaces: "CDP_with_updates" -> "CDP with updates". */
export function captionText(value: string | undefined): string | undefined {
  const text = value?.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return text ? text : undefined;
}

function parsePercent(text: string): number | undefined {
  const match = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = match ? Number(match[1]) : Number.NaN;
  return value > 0 && value <= 100 ? value : undefined;
}
