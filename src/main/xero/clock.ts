// Time for the Xero client: now() and an abortable sleep, injected so tests can compress minutes into seconds.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` (of this clock's time); rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = { now: () => Date.now(), sleep: realSleep };

/**
 * A clock that runs `scale` times faster than real time from `epoch` (tests: with scale 60 a Xero minute passes
 * in a real second). Whole milliseconds, from Date.now(), so a sandbox in another process given the same epoch
 * and scale agrees with it.
 */
export function scaledClock(scale: number, epoch = Date.now()): Clock {
  return {
    now: () => Math.floor(epoch + (Date.now() - epoch) * scale),
    sleep: (ms, signal) => realSleep(ms / scale, signal),
  };
}

/** A deterministic random source in [0, 1) (mulberry32), for jitter in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
