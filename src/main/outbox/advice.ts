// What to do when Xero refuses a contact write: Xero's message is shown as it is; the advice comes from the
// exceptions playbooks (the same messages CocoonOPS shows), worded for a correction. Pure.
import { classifyMessage } from '../exceptions/classify-message';
import { playbook } from '../exceptions/playbooks';

const FOR_CORRECTIONS: Partial<Record<string, string>> = {
  contact_name_taken:
    'Another active Xero contact already has this name (Contact Name is unique among active contacts). If it is the same business, merge the two in Xero (web app: Contacts, tick both, Merge); otherwise choose a different name and decide again.',
  account_number_exists:
    'Another Xero contact holds this Account Number (archived contacts keep theirs). Free it on that contact first, or give the billing account a new code in CocoonOPS.',
  contact_not_found: 'Xero no longer has this contact (deleted or merged away): sync, review the account again, then push.',
  xero_connection: 'Reconnect the workspace to Xero, then push again: nothing was lost.',
  xero_busy: 'Xero is busy or limiting calls: push again in a few minutes; nothing was lost.',
};

/** Advice for Xero's messages on one element ('' when there is nothing to add). */
export function adviceFor(messages: readonly string[]): string {
  const text = messages.join(' ');
  if (text.trim() === '') return '';
  const { playbookId } = classifyMessage(text);
  const specific = FOR_CORRECTIONS[playbookId];
  if (specific) return specific;
  if (playbookId === 'unknown' || playbookId === 'validation_no_detail')
    return 'Check the contact in Xero, fix what the message names, then retry the correction.';
  const p = playbook(playbookId);
  return `${p.title}: ${p.resolve.join(' ')}`;
}
