import "server-only";
import { fingerprintFiles } from "./fingerprint";

/**
 * In `next dev`, a fingerprint of the content folder so the site model is
 * rebuilt after an edit (only the changed posts are parsed again; see
 * loadPostFile's cache). Stat-based rather than fs.watch-based because editors
 * save in ways watchers miss (rename, in-place write).
 */
const THROTTLE_MS = 150;

interface FingerprintState {
  root?: string;
  at: number;
  value: string;
}

const state: FingerprintState = ((globalThis as { __blogContentFingerprint?: FingerprintState }).__blogContentFingerprint ??= { at: 0, value: "" });

export function contentFingerprint(root: string): string {
  if (process.env.NODE_ENV !== "development") return "static";
  const now = Date.now();
  if (state.root !== root || now - state.at >= THROTTLE_MS) {
    state.root = root;
    state.value = fingerprintFiles(root);
    state.at = now;
  }
  return state.value;
}
