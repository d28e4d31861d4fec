import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer, with the CommonJS preload', () => {
    const o = mainWindowOptions({ preloadDir: '/app/out/preload' });
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect([o.width, o.height]).toEqual([1280, 800]);
  });

  it('restores remembered bounds', () => {
    expect(mainWindowOptions({ preloadDir: '/p', bounds: { width: 1600, height: 1000, x: 10, y: 20 } })).toMatchObject({
      width: 1600,
      height: 1000,
      x: 10,
      y: 20,
    });
  });
});
