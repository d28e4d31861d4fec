// A sync stopped by its AbortSignal (kept apart from run-sync so the CLI can name it without loading xero-node).

/** Every committed page stays, and the next sync continues from there. */
export class SyncCancelledError extends Error {
  override readonly name = 'SyncCancelledError';
  constructor(
    readonly pagesSaved: number,
    options?: { cause?: unknown },
  ) {
    super(`Sync cancelled: ${pagesSaved} page${pagesSaved === 1 ? '' : 's'} saved; the next sync continues from there.`, options);
  }
}
