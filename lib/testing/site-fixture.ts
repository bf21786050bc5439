import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "./temp-dirs";

/** Writes a throwaway content folder for a test: path -> text or bytes. */
export function makeSite(files: Record<string, string | Uint8Array>): string {
  const root = makeTempDir("blog-site-");
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return root;
}

export const BASIC_CONFIG = `title: Fixture Blog
url: https://blog.example.org
timezone: Europe/Berlin
permalink: /blog/:categories/:title/
category_list:
  engineering: Engineering
  team: Team & Culture
pagination:
  per_page: 2
`;

export const BASIC_AUTHORS = `- id: ada
  name: Ada
  full_name: Ada Lovelace
  description: writes the first programs.
  image: ada.png
- id: alan
  name: Alan
  full_name: Alan Turing
  description: breaks codes.
`;

/** A post file with front matter from an object-like YAML text. */
export function post(frontMatter: string, body = "Some text.\n"): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}

/** Where the shared corpus lives, if this checkout has it next to it. */
export const CORPUS_DIR = path.resolve(__dirname, "../../../shared/corpus/devblog");
export const HAS_CORPUS = fs.existsSync(path.join(CORPUS_DIR, "_posts"));
export const NO_CORPUS_MESSAGE = `skipped: the shared corpus is not at ${CORPUS_DIR} (these tests need ../shared/corpus/devblog next to the project)`;
