// A full contacts sync removes the stored contacts Xero no longer lists. When that would be most of them, the
// answer is more likely broken (an empty 200, a lost page) than the organisation emptied: the sync stops and asks.
// Kept apart from run-sync so the CLI can name the error without loading xero-node.

/** Removing up to this many is never questioned (a few merged or deleted contacts). */
export const SHRINK_HANDFUL = 5;

/** More than a handful, and more than half of what is stored (pure). */
export function isMassRemoval(stored: number, removing: number): boolean {
  return removing > SHRINK_HANDFUL && removing * 2 > stored;
}

/** A count with thousands separators, as the rest of the app writes them. */
const n = (count: number): string => count.toLocaleString('en-US');

/** Nothing was removed; the sync can be run again, or confirmed (`allowShrink`). */
export class SyncShrinkRefusedError extends Error {
  override readonly name = 'SyncShrinkRefusedError';
  constructor(
    readonly stored: number,
    readonly removing: number,
  ) {
    super(
      `The full sync stopped before removing ${n(removing)} of the ${n(stored)} contacts stored: Xero listed only ${n(stored - removing)}. ` +
        'Nothing was removed. An answer like this is usually a passing fault at Xero: sync again in a while. ' +
        'If those contacts really were deleted or merged in Xero, confirm their removal.',
    );
  }
}
