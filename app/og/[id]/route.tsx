import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { OgCard } from "@/components/og-card";
import { readCachedBytes, writeCachedBytes } from "@/lib/cache";
import { ogCardContent, ogCardIds } from "@/lib/seo/og-card";
import { OG_IMAGE_SIZE } from "@/lib/seo/share-image";
import { getSite } from "@/lib/site";

// One Open Graph card per post (/og/<post id>.png) and one for the site, rendered at build time.
// A route handler, because opengraph-image.tsx cannot sit under the catch-all page.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams(): { id: string }[] {
  return ogCardIds(getSite()).map((id) => ({ id: `${id}.png` }));
}

// The fonts ship with the project (Inter, OFL): nothing is fetched, so the build works offline.
let fonts: Promise<{ name: string; data: Buffer; weight: 500 | 700; style: "normal" }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all(
    ([500, 700] as const).map(async (weight) => ({
      name: "Inter",
      data: await fs.readFile(path.join(process.cwd(), "app", "og", `inter-latin-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
  return fonts;
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const content = ogCardContent(getSite(), id.replace(/\.png$/, ""));
  if (!content) return new Response("Not found", { status: 404 });
  // A card only changes with its text: rebuilds reuse the PNG instead of drawing it again (~30 ms each).
  // Keyed by the text, the layout's code and the fonts: a change to any of them draws the card again.
  const fontData = await loadFonts();
  const key = createHash("sha1")
    .update(JSON.stringify(content))
    .update(OgCard.toString())
    .update(JSON.stringify(OG_IMAGE_SIZE))
    .update(fontData.map((font) => createHash("sha1").update(font.data).digest("hex")).join())
    .digest("hex");
  let png = readCachedBytes("og", key, "png");
  if (!png) {
    const image = new ImageResponse(<OgCard {...content} />, { ...OG_IMAGE_SIZE, fonts: fontData });
    png = Buffer.from(await image.arrayBuffer());
    writeCachedBytes("og", key, png, "png");
  }
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
