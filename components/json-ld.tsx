import { serializeJsonLd, type JsonLd as JsonLdData } from "@/lib/seo/json-ld";

export interface JsonLdProps {
  data: JsonLdData;
}

/** Structured data for search engines; serializeJsonLd escapes it so no value can end the script early. */
export function JsonLd({ data }: JsonLdProps) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
