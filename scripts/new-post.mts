// `npm run new-post -- --title "..." [--category c] [--author id] [--draft]`
import path from "node:path";
import { parseArgs } from "node:util";
import { contentRoot } from "@/lib/content/paths";
import { createPost } from "@/lib/content/scaffold";

const { values } = parseArgs({
  options: {
    title: { type: "string" },
    category: { type: "string" },
    author: { type: "string" },
    draft: { type: "boolean", default: false },
  },
});

if (!values.title) {
  console.error('Usage: npm run new-post -- --title "Post title" [--category slug] [--author id] [--draft]');
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
