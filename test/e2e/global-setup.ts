// Builds the renderer once (when stale) before the browser tests start web hosts with --no-build.
import { ensureRendererBuilt } from '../../src/main/host/renderer-build';
import { ROOT } from './web-host';

export default function globalSetup(): void {
  ensureRendererBuilt(ROOT, (line) => console.log(line));
}
