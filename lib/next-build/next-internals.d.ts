// Next.js ships the ES module build of its internals without types; they are those of the CommonJS build.
declare module "next/dist/esm/server/app-render/collect-segment-data.js" {
  export * from "next/dist/server/app-render/collect-segment-data";
}
