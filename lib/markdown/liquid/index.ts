/**
 * The Liquid stage of the Markdown pipeline: post body -> renderLiquid() ->
 * remark/rehype (with rehypeLiquidBlocks) -> HTML. As in Jekyll, Liquid runs
 * first; tags whose output is final HTML leave placeholders for rehype.
 */
export { renderLiquid } from "./render";
export { rehypeLiquidBlocks } from "./placeholders";
export { parseArguments, flag } from "./arguments";
export { siteTags } from "./tags";
export type {
  LiquidContext,
  LiquidProblem,
  LiquidResult,
  LiquidRule,
  TagArguments,
  TagOutput,
  TagProblem,
  TagRenderer,
} from "./types";
