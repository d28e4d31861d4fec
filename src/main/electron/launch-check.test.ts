import { describe, expect, it } from 'vitest';
import { electronProblem } from './launch-check';

const probe = (over: Partial<Parameters<typeof electronProblem>[0]> = {}) => ({
  platform: 'linux' as NodeJS.Platform,
  env: { DISPLAY: ':0' },
  electronPath: () => '/app/node_modules/electron/dist/electron',
  exists: () => true,
  ...over,
});

describe('electronProblem', () => {
  it('is null when the binary and a display are there', () => {
    expect(electronProblem(probe())).toBeNull();
    expect(electronProblem(probe({ platform: 'darwin', env: {} }))).toBeNull();
    expect(electronProblem(probe({ env: { WAYLAND_DISPLAY: 'wayland-0' } }))).toBeNull();
  });

  it('names what is missing', () => {
    const noBinary = () => {
      throw new Error('Electron failed to install correctly');
    };
    expect(electronProblem(probe({ electronPath: noBinary }))).toMatch(/binary is not installed/);
    expect(electronProblem(probe({ exists: () => false }))).toMatch(/missing at/);
    expect(electronProblem(probe({ env: {} }))).toMatch(/no display/);
  });
});
