export interface LiveReloadProps {
  port: number;
}

/** `npm run dev` only: reloads the page when a content file changes (see scripts/dev.mjs). */
export function LiveReload({ port }: LiveReloadProps) {
  const script = `new EventSource(location.protocol+"//"+location.hostname+":${port}/events").addEventListener("content",function(){location.reload()})`;
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
