// Xero's message (as CocoonOPS recorded it) → playbook + the details named in it. Pure.
import type { Classification, MessageDetails, PlaybookId } from '../../shared/exceptions';
import { PLAYBOOKS } from './playbooks';

/**
 * Compatibility-folds the text, straightens curly quotes, turns doubled apostrophes into one (the spec's YAML shows
 * ''476''), collapses whitespace. Case and the trailing period are left alone: patterns ignore both.
 */
export function normaliseMessage(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/''/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const GROUP_KEYS = ['contactName', 'contactId', 'accountCode', 'taxType', 'currency', 'lockDate', 'lockKind'] as const;

function detailsFrom(groups: Record<string, string | undefined>, into: MessageDetails): void {
  for (const key of GROUP_KEYS) {
    const value = groups[key]?.trim();
    if (!value || into[key] !== undefined) continue;
    if (key === 'lockKind') into.lockKind = /end/i.test(value) ? 'end_of_year' : 'period';
    else if (key === 'currency') into.currency = value.toUpperCase();
    else into[key] = value;
  }
}

// Context CocoonOPS may add around Xero's text, e.g. "Invoice INV-0042 for account ACME01: …".
const DOCUMENT_NUMBER = /\b(?:invoice|credit note|document)\s*(?:#|no\.?|number|num)?\s*[:#]?\s*'?([a-z]{0,8}[-/]?\d[\w\-/]*)'?/gi;
const ACCOUNT_NUMBER = /\b(?:billing account(?: code| number)?|account ?number)\s*[:#=]?\s*'?([\w-]+)'?/gi;
/** Digits, or an upper-case code ("ACME01", "SCT"): not a word such as "already". */
const CODE_LIKE = /^(?=.*\d)[\w-]+$|^[A-Z][A-Z0-9_-]+$/;

function contextFrom(text: string, into: MessageDetails): void {
  for (const m of text.matchAll(DOCUMENT_NUMBER)) {
    if (m[1] && into.documentNumber === undefined) into.documentNumber = m[1];
  }
  for (const m of text.matchAll(ACCOUNT_NUMBER)) {
    const value = m[1];
    if (value && CODE_LIKE.test(value) && into.accountNumber === undefined) into.accountNumber = value;
  }
}

/**
 * Classifies an exception's text. Every known message found in it is reported (the first, in playbook order, is the
 * playbook); an unknown text gets the generic playbook, never dropped. The envelope line "A validation exception
 * occurred" only counts when nothing more specific is there.
 */
export function classifyMessage(message: string): Classification {
  const text = normaliseMessage(message);
  const matched: PlaybookId[] = [];
  const details: MessageDetails = {};
  for (const def of PLAYBOOKS) {
    let hit = false;
    for (const pattern of def.patterns) {
      const m = pattern.exec(text);
      if (!m) continue;
      hit = true;
      if (m.groups) detailsFrom(m.groups, details);
    }
    if (hit) matched.push(def.id);
  }
  const specific = matched.filter((id) => id !== 'validation_no_detail');
  const ids: PlaybookId[] = specific.length > 0 ? specific : matched;
  contextFrom(text, details);
  return { playbookId: ids[0] ?? 'unknown', also: ids.slice(1), details };
}
