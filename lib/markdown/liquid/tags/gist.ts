import { unknownArguments } from "../arguments";
import type { TagProblem, TagRenderer } from "../types";
import { linkCard } from "./link-card";

const GIST_ID = /^(?:([A-Za-z0-9-]{1,39})\/)?([0-9a-f]{5,40})$/i;

/**
 * jekyll-gist's `{% gist [user/]id [file] %}`: a card that links to the gist.
 * jekyll-gist embeds GitHub's script; a static, offline build does not load
 * third-party scripts, so the reader follows the link instead.
 */
export const gist: TagRenderer = (args) => {
  const problems: TagProblem[] = unknownArguments("gist", args, { named: [], positional: 2 });
  const [id, file] = args.positional;
  const match = id === undefined ? null : GIST_ID.exec(id);
  if (!match) {
    problems.push({
      rule: "liquid/bad-argument",
      message: "{% gist %} needs a gist id, optionally with its owner",
      found: id ?? args.markup.trim(),
      expected: "{% gist user/0123abcd %} or {% gist 0123abcd file.rb %}",
    });
    return { problems };
  }
  const [, user, hash = ""] = match;
  const href = `https://gist.github.com/${user ? `${user}/` : ""}${hash}${file ? `#file-${file.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` : ""}`;
  const label = file ? `${file} (a GitHub gist${user ? ` by ${user}` : ""})` : `A GitHub gist${user ? ` by ${user}` : ""}`;
  return { element: linkCard(label, href, "View the code on GitHub", "gist-card"), problems };
};
