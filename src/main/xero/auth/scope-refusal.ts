// A sign-in Xero refused over its scopes (invalid_scope, or unauthorized_client "Invalid scope for client"), told
// in words a bookkeeper can act on: what happened, what Reconciler asks for and why, and who can fix it where (pure).
import { GRANULAR_SCOPES_DAY, SCOPE_PURPOSE, XERO_SCOPES } from '../endpoints';

/** The OAuth errors that mean "this app may not ask for these scopes" (xero-facts.md item 23). */
export const SCOPE_ERRORS: ReadonlySet<string> = new Set(['invalid_scope', 'unauthorized_client']);

export interface ScopeRefusalFacts {
  error: string;
  /** Xero's error_description, when it sent one. */
  description?: string;
  clientId: string;
  /** The scopes the sign-in asked for. */
  asked: readonly string[];
}

const purpose = (scope: string): string => (SCOPE_PURPOSE as Record<string, string>)[scope] ?? scope;

export function explainScopeRefusal(f: ScopeRefusalFacts): string {
  const said = f.description ? `${f.error}: ${f.description}` : f.error;
  const asked = f.asked.map((s) => `${purpose(s)} (${s})`).join(', ');
  const granular = f.asked.every((s) => (XERO_SCOPES as readonly string[]).includes(s));
  return [
    `Xero refused the permissions Reconciler asked for, so it is not connected (Xero said ${said}).`,
    `Reconciler asks only for what it needs: ${asked}.`,
    `What to do: whoever manages the Xero app "${f.clientId}" at developer.xero.com (My Apps) must allow these scopes for it` +
      (granular ? `; they are Xero's granular scopes, the only kind apps created on or after ${GRANULAR_SCOPES_DAY} may use.` : '.') +
      ' Then connect again. Nothing in the workspace was changed.',
  ].join('\n');
}
