import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/format";
import { getSite } from "@/lib/site";

export const dynamic = "force-static";

export default function robots(): MetadataRoute.Robots {
  const { config } = getSite();
  return { rules: { userAgent: "*", allow: "/" }, sitemap: absoluteUrl(config.rootUrl, "/sitemap.xml") };
}
