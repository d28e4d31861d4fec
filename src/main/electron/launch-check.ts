// Can the Electron app open a window here? Needs the Electron binary (skipped by ELECTRON_SKIP_BINARY_DOWNLOAD or
// a failed download) and, on Linux, a display. Pure apart from the two probes passed in.

export interface LaunchProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The electron package's binary path (require('electron') in Node), or throws when it was not downloaded. */
  electronPath: () => string;
  exists: (path: string) => boolean;
}

/** Why Electron cannot run (null when it can). */
export function electronProblem(p: LaunchProbe): string | null {
  let path: string;
  try {
    path = p.electronPath();
  } catch {
    return 'the Electron binary is not installed (node_modules/electron has no download; ELECTRON_SKIP_BINARY_DOWNLOAD or no network at install time)';
  }
  if (!p.exists(path)) return `the Electron binary is missing at ${path}`;
  if (p.platform === 'linux' && !p.env.DISPLAY && !p.env.WAYLAND_DISPLAY)
    return 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)';
  return null;
}
