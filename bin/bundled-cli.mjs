// Whether `reconciler` can run the bundled CLI (out/cli/reconciler.mjs): it must be there, and built from the
// sources as they are now. The build records the newest modification time of the sources it bundled
// (out/cli/stamp.json); a source file changed since (an edit, a pull) makes the bundle stale, and the command then
// runs the TypeScript sources through tsx instead. Plain JavaScript: it runs before anything is compiled.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the bundle is built from (src/renderer and src/preload are the app's, not the command's). */
export const SOURCE_DIRS = ['src/cli', 'src/main', 'src/shared', 'src/sandbox'];
export const STAMP_FILE = 'out/cli/stamp.json';
export const BUNDLE_FILE = 'out/cli/reconciler.mjs';

/** The newest mtime (ms) of any file under the source folders of `root`. */
export function newestSource(root) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(root, dir));
  return newest;
}

/** The bundle's file URL when it is present and current, else null. */
export function bundledCli(root) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'));
    statSync(join(root, BUNDLE_FILE));
    if (typeof stamp.newestSourceMs !== 'number' || newestSource(root) > stamp.newestSourceMs) return null;
    return pathToFileURL(join(root, BUNDLE_FILE)).href;
  } catch {
    return null; // not built (or a half-written stamp): the sources it is
  }
}
