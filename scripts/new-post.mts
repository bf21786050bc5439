// `npm run new-post -- --title "..." [--category c] [--author id] [--draft]`
import path from "node:path";
import { parseArgs } from "node:util";
import { contentRoot } from "@/lib/content/paths";
import { createPost } from "@/lib/content/scaffold";

const USAGE = 'Usage: npm run new-post -- --title "Post title" [--category slug] [--author id] [--draft]';

function readArgs() {
  try {
    return parseArgs({
      options: {
        title: { type: "string" },
        category: { type: "string" },
        author: { type: "string" },
        draft: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    // An unknown or incomplete option: say which, and how the command is used, not a stack trace.
    console.error(`new-post: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

const values = readArgs();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.title) {
  console.error(USAGE);
  process.exit(2);
}
const root = contentRoot();
const result = createPost({ root, title: values.title, category: values.category, author: values.author, draft: values.draft });
if (!result.ok) {
  console.error(`new-post: ${result.error}`);
  process.exit(1);
}
console.log(`Created ${path.relative(process.cwd(), path.join(root, result.file))}`);
console.log(values.draft ? `It is a draft: \`npm run dev\` shows it at ${result.url}` : `It will be published at ${result.url}`);
