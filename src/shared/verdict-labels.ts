// The invoice-number verdicts in a bookkeeper's words: the Exceptions screen's badges and the exports of its list.
// No zod (types only), so the renderer bundle stays small.
import type { Verdict } from './exceptions';

export const VERDICT_LABELS: Record<Verdict, string> = {
  exists_matches: 'In Xero, matches',
  exists_differs: 'In Xero, differs',
  exists_unverified: 'In Xero, compare',
  not_found: 'Not in Xero',
  cannot_check: 'Cannot check',
};
