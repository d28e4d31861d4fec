import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_CHANNEL } from '../../shared/channels';
import { createAppEvents } from '../app/events';
import { forwardEvents, isTrustedSender, wireIpc, type IpcMainLike, type InvokeEventLike } from './ipc';

function fakeIpc() {
  const handlers = new Map<string, (e: InvokeEventLike, input: unknown) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
  return { ipc, handlers };
}

const trusted = { rendererFile: '/app/out/renderer/index.html', devServerUrl: 'http://localhost:5173' };
const top = (url: string) => ({ senderFrame: { url, parent: null } });

describe('isTrustedSender', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender({ url: 'file:///app/out/renderer/index.html', parent: null }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'file:///app/out/renderer/index.html', parent: {} }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, { rendererFile: trusted.rendererFile })).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
  });
});

describe('wireIpc', () => {
  it('handles exactly the contract channels and removes them again', () => {
    const { ipc, handlers } = fakeIpc();
    const unwire = wireIpc(ipc, vi.fn(), () => true);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unwire();
    expect(handlers.size).toBe(0);
  });

  it('dispatches calls from the trusted frame and refuses others', async () => {
    const { ipc, handlers } = fakeIpc();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'v' }));
    wireIpc(ipc, dispatch, (frame) => isTrustedSender(frame, trusted));
    const call = handlers.get('findings.detail')!;
    expect(await call(top('file:///app/out/renderer/index.html'), { accountCode: 'C1' })).toEqual({ ok: true, value: 'v' });
    expect(dispatch).toHaveBeenCalledWith('findings.detail', { accountCode: 'C1' });
    expect(await call(top('https://evil.example/'), { accountCode: 'C1' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('forwardEvents', () => {
  it('sends every event on one channel until the window is gone', () => {
    const events = createAppEvents();
    const send = vi.fn();
    let destroyed = false;
    forwardEvents(events, () => ({ send, isDestroyed: () => destroyed }));
    events.emit('menu.command', { command: 'search' });
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, { name: 'menu.command', payload: { command: 'search' } });
    destroyed = true;
    events.emit('menu.command', { command: 'help' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
