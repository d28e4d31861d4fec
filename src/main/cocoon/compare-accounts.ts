// What a CocoonOPS export would change in a workspace, said before it is imported: accounts new to it, accounts it
// no longer has (and of those, the ones with a decision, and the ones whose code changed as a decision asked), and
// accounts renamed. Pure.
import type { ImportComparison } from '../../shared/contract';

/** Most codes named in the comparison (the counts cover them all). */
const SAMPLE = 10;

export function compareAccounts(
  stored: ReadonlyMap<string, { name: string }>,
  file: readonly { code: string; name: string }[],
  decided: ReadonlySet<string>,
  /** Decided code changes: from the old code to the new one ('' where CocoonOPS chooses it). */
  recodes: ReadonlyMap<string, string>,
): ImportComparison {
  const inFile = new Map(file.map((a) => [a.code, a.name]));
  const names = new Set(file.map((a) => a.name.trim().toLowerCase()));
  let added = 0;
  let renamed = 0;
  for (const [code, name] of inFile) {
    const before = stored.get(code);
    if (!before) added++;
    else if (before.name.trim() !== name.trim()) renamed++;
  }
  const gone = [...stored.keys()].filter((code) => !inFile.has(code));
  const goneDecided = gone.filter((code) => decided.has(code));
  // Recoded as decided: the new code is in the file, or (CocoonOPS chose it) an account of the same name is.
  const recoded = goneDecided.filter((code) => {
    const to = recodes.get(code);
    if (to === undefined) return false;
    return to !== '' ? inFile.has(to) : names.has(stored.get(code)!.name.trim().toLowerCase());
  });
  const recodedSet = new Set(recoded);
  const lost = goneDecided.filter((code) => !recodedSet.has(code));
  return {
    added,
    renamed,
    gone: gone.length,
    goneDecided: goneDecided.length,
    recodedAsDecided: recoded.length,
    goneDecidedSample: lost.slice(0, SAMPLE),
  };
}
