// The web host serves the renderer electron-vite builds into out/renderer: build it when it is missing or
// older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function rendererDir(root: string): string {
  return join(root, 'out', 'renderer');
}

/** True when out/renderer is missing or older than src/renderer or src/shared. */
export function rendererStale(root: string): boolean {
  const index = join(rendererDir(root), 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['src/renderer', 'src/shared'].map((d) => join(root, d)).filter(existsSync);
  const built = statSync(index).mtimeMs;
  return sources.some((d) => newestMtime(d) > built);
}

/** True when any of out/main, out/preload, out/renderer is missing or older than src/ (what Electron runs). */
export function appStale(root: string): boolean {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return newestMtime(join(root, 'src')) > built;
}

/** Builds with electron-vite when stale; returns what happened. Throws with the build's output when it fails. */
export function ensureRendererBuilt(
  root: string,
  log: (line: string) => void,
  stale: (root: string) => boolean = rendererStale,
): 'fresh' | 'built' {
  if (!stale(root)) return 'fresh';
  log('Building the app (electron-vite build)…');
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [bin, 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (r.status !== 0) throw new Error(`The app could not be built (electron-vite build exited with ${r.status}):\n${r.stderr || r.stdout}`);
  return 'built';
}
