// Playbooks for the exceptions CocoonOPS raises when Xero refuses a sales invoice or credit note: Xero's message
// patterns, the cause, the fix, whether to re-send, what to check. Pure data.
//
// Citation keys: acc:N = shared/xero-openapi/xero_accounting.yaml line N; seed = shared/seeds/common-xero-exceptions.txt
// (CocoonOPS's help page); facts §N = shared/docs/xero-facts.md; other sources are GitHub issues or vendors' help pages
// that quote Xero's message. `confirmed: false` marks messages no source quotes verbatim (our guess of Xero's text).
import { PLAYBOOK_IDS, type Playbook, type PlaybookId } from '../../shared/exceptions';
import { CONTACT_PLAYBOOKS } from './playbooks-contact';
import { DOCUMENT_PLAYBOOKS } from './playbooks-document';
import { SETTINGS_PLAYBOOKS } from './playbooks-settings';

export interface PlaybookDef extends Playbook {
  /** Matched against the normalised message (see normaliseMessage); named groups become MessageDetails. */
  patterns: readonly RegExp[];
}

/** The seed's three state-toggle steps that make CocoonOPS send an invoice to Xero again. */
export const RESEND_STEPS: readonly string[] = [
  'Set the invoice state to something other than issued, if it is currently issued.',
  'Set the invoice state to issued to trigger the sync operation.',
  'Set the invoice state back to the original state if it was not issued.',
];

const DEFS: readonly PlaybookDef[] = [...CONTACT_PLAYBOOKS, ...DOCUMENT_PLAYBOOKS, ...SETTINGS_PLAYBOOKS];

/** In PLAYBOOK_IDS order, which is also the classifier's priority when a text holds several messages. */
export const PLAYBOOKS: readonly PlaybookDef[] = PLAYBOOK_IDS.map((id) => {
  const def = DEFS.find((p) => p.id === id);
  if (!def) throw new Error(`no playbook "${id}"`);
  return def;
});

const BY_ID = new Map<PlaybookId, PlaybookDef>(PLAYBOOKS.map((p) => [p.id, p]));

export function playbookDef(id: PlaybookId): PlaybookDef {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`no playbook "${id}"`);
  return found;
}

/** The playbook without its patterns, as the UI and the contract see it. */
export function playbook(id: PlaybookId): Playbook {
  const { patterns: _patterns, ...rest } = playbookDef(id);
  return rest;
}

export function listPlaybooks(): Playbook[] {
  return PLAYBOOKS.map((p) => playbook(p.id));
}
