// Which compiled better-sqlite3 addon to load. Unset (the default), better-sqlite3 loads its own build from
// node_modules (Node's ABI). The Electron main process sets the copy built for Electron's ABI.
let binding: string | undefined;

export function setNativeBinding(path: string | undefined): void {
  binding = path;
}

export function nativeBinding(): string | undefined {
  return binding;
}
