import { decodeHTML } from "entities";
import { problem, type ContentProblem } from "./problems";

/**
 * Bytes to text, or the reason it cannot be text. BOM and CRLF are accepted
 * (with a warning) because editors on Windows produce them.
 */
export function decodeText(bytes: Uint8Array, file: string): { text?: string; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  if (bytes.length === 0 || /^\s*$/.test(Buffer.from(bytes).toString("latin1"))) {
    problems.push(problem({ rule: "file/empty", file, message: "The file is empty", expected: "front matter between `---` lines, then the post's Markdown", hint: "write the post or delete the file" }));
    return { problems };
  }
  const notUtf8 = notUtf8Problem(bytes, file);
  if (notUtf8) return { problems: [...problems, notUtf8] };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    problems.push(problem({ rule: "file/bom", file, line: 1, message: "The file starts with a UTF-8 byte order mark", hint: "save the file as UTF-8 without BOM" }));
  }
  if (text.includes("\r")) {
    const line = text.slice(0, text.indexOf("\r")).split("\n").length;
    text = text.replace(/\r\n?/g, "\n");
    problems.push(problem({ rule: "file/crlf", file, line, message: "The file uses CRLF (Windows) line endings", hint: "set `* text=auto eol=lf` in .gitattributes or your editor's line endings to LF" }));
  }
  return { text, problems };
}

/** `file/not-utf8` at the first byte that breaks UTF-8, or undefined for UTF-8 text. */
export function notUtf8Problem(bytes: Uint8Array, file: string): ContentProblem | undefined {
  const badOffset = findInvalidUtf8(bytes);
  if (badOffset === undefined) return undefined;
  return problem({
    rule: "file/not-utf8", file, line: countLines(bytes, badOffset),
    message: `The file is not UTF-8 text: invalid byte 0x${bytes[badOffset]!.toString(16).padStart(2, "0")} at byte offset ${badOffset}`,
    expected: "UTF-8 encoded text",
    hint: "re-save the file as UTF-8 in your editor (or convert it with `iconv -f latin1 -t utf-8`)",
  });
}

/** Offset of the first byte that breaks UTF-8, or undefined. */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  // A NUL byte is valid UTF-8 but marks a binary file, not a post.
  const nul = bytes.indexOf(0);
  return nul === -1 ? undefined : nul;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * A front matter or config text with its HTML character references decoded
 * (`Announcement&#58; v2`, `A&nbsp;B`): Jekyll's layouts print titles as HTML,
 * so readers saw the characters; pages here print text, which would show the
 * references themselves.
 */
export function decodeCharacterReferences(text: string): string {
  return text.includes("&") ? decodeHTML(text) : text;
}
