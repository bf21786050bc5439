import type { Code, Effects, Extension, State } from "micromark-util-types";

const LEFT_BRACE = 123; // {
const COLON = 58; // :
const RIGHT_BRACE = 125; // }
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/**
 * A micromark extension that reads `{:...}` (on one line, quotes balanced)
 * as plain text in one piece, the way kramdown reads an IAL before looking
 * at emphasis. Without it `[a](u){:target="_blank"}_` closes emphasis at
 * the `_` inside `"_blank"`, and the IAL falls apart into several nodes.
 * The text it produces is ordinary mdast text; the plugins then find the IAL in it.
 */
export const kramdownIalSyntax: Extension = {
  text: { [LEFT_BRACE]: { name: "kramdownAttributeList", tokenize } },
};

function tokenize(effects: Effects, ok: State, nok: State): State {
  let quote: Code = null;

  const start: State = (code) => {
    if (code !== LEFT_BRACE) return nok(code);
    effects.enter("data");
    effects.consume(code);
    return colon;
  };

  const colon: State = (code) => {
    if (code !== COLON) return nok(code);
    effects.consume(code);
    return body;
  };

  const body: State = (code) => {
    // End of file or a line ending (negative codes below -2): not an IAL, let Markdown read it.
    if (code === null || code < -2) return nok(code);
    if (quote !== null) {
      if (code === quote) quote = null;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      quote = code;
    } else if (code === RIGHT_BRACE) {
      effects.consume(code);
      effects.exit("data");
      return ok;
    }
    effects.consume(code);
    return body;
  };

  return start;
}

