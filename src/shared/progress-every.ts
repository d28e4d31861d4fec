// Progress for a long pass over many items: about 20 reports of (done, total), not one per item.

/** Told how far a long pass has got: `done` of `total` items (decisions, corrections, accounts). */
export type OnProgress = (done: number, total: number) => void;

/** Calls `onProgress` about 20 times over a pass of `total` items (and not at all without one). */
export function progressEvery(total: number, onProgress?: OnProgress): (done: number) => void {
  if (!onProgress || total === 0) return () => {};
  const step = Math.max(1, Math.ceil(total / 20));
  return (done) => {
    if (done % step === 0 || done === total) onProgress(done, total);
  };
}
