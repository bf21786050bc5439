import "server-only";
import fs from "node:fs";

/**
 * In `next dev`, a counter that changes whenever a file under the content
 * folder changes, so the site model is rebuilt on the next request (only the
 * changed posts are parsed again; see loadPostFile's cache).
 */
interface WatchState {
  generation: number;
  watcher?: fs.FSWatcher;
  root?: string;
}

const state: WatchState = ((globalThis as { __blogContentWatch?: WatchState }).__blogContentWatch ??= { generation: 0 });

export function contentGeneration(root: string): number {
  if (process.env.NODE_ENV !== "development") return 0;
  if (state.root !== root) {
    state.watcher?.close();
    state.root = root;
    try {
      state.watcher = fs.watch(root, { recursive: true }, () => {
        state.generation++;
      });
    } catch {
      // Without a watcher every request reloads (stat-cached, so still cheap).
      state.watcher = undefined;
    }
    state.generation++;
  }
  return state.watcher ? state.generation : ++state.generation;
}
