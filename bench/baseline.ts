// The naive reconciliation a script-writer would write: exact code join, exact name check, else Fuse.js on the name.
import Fuse from 'fuse.js';
import {
  FAILING_KINDS,
  type BillingAccount,
  type Finding,
  type FindingKind,
  type MatchResult,
  type SuggestedFix,
  type XeroContact,
} from '../src/shared/domain';

const FIX: Record<FindingKind, SuggestedFix> = {
  ok: 'none',
  name_mismatch: 'rename_in_xero_or_cocoon',
  archived_holder: 'restore_archived',
  code_missing: 'set_account_number',
  code_conflict: 'recode_in_cocoon',
  not_in_xero: 'create_in_xero',
  ambiguous: 'review',
  code_differs: 'use_xero_code',
  not_customer: 'mark_customer',
};

const key = (s: string) => s.trim().toLowerCase();

export interface Baseline {
  match(accounts: readonly BillingAccount[]): MatchResult;
}

/** Indexes the contacts once (code map + Fuse index); `match` then handles any accounts. */
export function createBaseline(contacts: readonly XeroContact[]): Baseline {
  const byCode = new Map<string, XeroContact>();
  for (const c of contacts) if (c.accountNumber.trim() !== '') byCode.set(key(c.accountNumber), c);
  const fuse = new Fuse(contacts as XeroContact[], { keys: ['name'], threshold: 0.4, includeScore: true });

  const finding = (
    a: BillingAccount,
    kind: FindingKind,
    contact: XeroContact | null,
    holder: XeroContact | null,
    score: number,
    explanation: string,
  ): Finding => ({
    accountCode: a.code,
    accountRow: a.row,
    kind,
    xeroContactId: contact?.contactId ?? null,
    codeHolderId: holder?.contactId ?? null,
    score,
    explanation,
    contributions: [],
    candidates: [],
    fix: FIX[kind],
    sync: { outcome: FAILING_KINDS.includes(kind) ? 'refused' : 'filed', message: null, doubt: null },
  });

  return {
    match(accounts) {
      const findings = accounts.map((a): Finding => {
        const holder = byCode.get(key(a.code));
        if (holder) {
          if (key(holder.name) === key(a.name)) {
            const kind: FindingKind = holder.status === 'ARCHIVED' ? 'archived_holder' : holder.isCustomer ? 'ok' : 'not_customer';
            return finding(a, kind, holder, holder, 1, 'account number and name are equal');
          }
          return finding(a, 'name_mismatch', holder, holder, 0.5, `account number held by "${holder.name}"`);
        }
        const best = fuse.search(a.name, { limit: 1 })[0];
        if (best) return finding(a, 'code_missing', best.item, null, 1 - (best.score ?? 1), `closest name "${best.item.name}"`);
        return finding(a, 'not_in_xero', null, null, 0, 'no account number and no similar name');
      });
      return { findings, xeroFindings: [] };
    },
  };
}

export function baselineMatch(accounts: readonly BillingAccount[], contacts: readonly XeroContact[]): MatchResult {
  return createBaseline(contacts).match(accounts);
}
