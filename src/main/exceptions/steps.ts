// The CocoonOPS checklist for one exception: plain steps (where, what) built from its playbook, its invoice-number
// verdict and its billing account's finding and decision. Pure.
import type { Finding } from '../../shared/domain';
import { FAILING_KINDS } from '../../shared/domain';
import { ACTION_LABELS, FINDING_KIND_LABELS } from '../../shared/decision-rules';
import type { DecisionAction } from '../../shared/review';
import type { ChecklistStep, ExceptionItem, LinkedDecision, StepKind, StepPlace } from '../../shared/exceptions';
import { playbookDef, RESEND_STEPS } from './playbooks';
import { listed } from './invoice-check';

export interface StepContext {
  finding: Finding | null;
  decision: LinkedDecision | null;
}

type Draft = { place: StepPlace; kind: StepKind; text: string };

export function documentLabel(e: Pick<ExceptionItem, 'docType' | 'number'>): string {
  const what = e.docType === 'credit_note' ? 'credit note' : 'invoice';
  return e.number ? `${what} ${e.number}` : `the ${what}`;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The seed's three state-toggle steps, for this document (the third only when its original state may differ). */
export function resendSteps(e: Pick<ExceptionItem, 'docType' | 'number' | 'state'>): Draft[] {
  const label = capital(documentLabel(e));
  const issued = /^issued$/i.test(e.state.trim());
  const [first, second] = RESEND_STEPS;
  const steps: Draft[] = [
    { place: 'cocoonops', kind: 'resend', text: `${label}: ${lower(first)}` },
    { place: 'cocoonops', kind: 'resend', text: `${label}: ${lower(second)}` },
  ];
  if (!issued) {
    const back = e.state.trim()
      ? `set the invoice state back to "${e.state.trim()}" (its state before the re-send).`
      : lower(RESEND_STEPS[2]);
    steps.push({ place: 'cocoonops', kind: 'resend', text: `${label}: ${back}` });
  }
  return steps;
}

function lower(s: string | undefined): string {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : '';
}

/** A step naming CocoonOPS is done there; one naming only Xero is done in Xero. */
function placeOf(text: string): StepPlace {
  if (/cocoonops/i.test(text)) return 'cocoonops';
  return /\bxero\b/i.test(text) ? 'xero' : 'cocoonops';
}

const isResendText = (text: string): boolean => /^re-send\b/i.test(text);

function accountSteps(e: ExceptionItem, ctx: StepContext, code: string): Draft[] | null {
  const f = ctx.finding;
  if (!f) return null;
  if (f.kind === 'ok') {
    return [
      {
        place: 'cocoonops',
        kind: 'check',
        text: `Billing account ${code} now matches its Xero contact (finding: OK): nothing to fix before re-sending.`,
      },
    ];
  }
  const decided = ctx.decision
    ? ` Decided: ${ACTION_LABELS[ctx.decision.action as DecisionAction] ?? ctx.decision.action}${ctx.decision.note ? ` (${ctx.decision.note})` : ''}.`
    : ' No decision yet: review it in the reconciler.';
  const will = FAILING_KINDS.includes(f.kind) ? 'it will fail again until this is fixed' : 'check it before re-sending';
  return [
    {
      place: 'cocoonops',
      kind: 'fix',
      text: `Fix billing account ${code} first (${FINDING_KIND_LABELS[f.kind]}: ${f.explanation}); ${will}.${decided}`,
    },
  ];
}

function documentSteps(e: ExceptionItem): Draft[] | null {
  const check = e.check;
  const label = documentLabel(e);
  if (!check) return null;
  switch (check.verdict) {
    case 'exists_matches':
      return [
        {
          place: 'cocoonops',
          kind: 'close_exception',
          text: `Close the exception for ${label} in CocoonOPS: it exists in Xero and matches (compared: ${check.compared.join(', ')}).`,
        },
      ];
    case 'exists_differs': {
      const dead = check.differences.find((d) => d.field === 'status');
      if (dead) {
        return [
          {
            place: 'cocoonops',
            kind: 'check',
            text: `${capital(label)} is ${dead.xero} in Xero and still holds the number: if it was cancelled on purpose, cancel it in CocoonOPS too; if it should be in Xero, it needs another number (ask CocoonOPS support), then re-send it.`,
          },
          { place: 'cocoonops', kind: 'close_exception', text: `Then close the exception for ${label} in CocoonOPS.` },
        ];
      }
      const diffs = check.differences.map((d) => `${d.field} ${d.cocoon} in CocoonOPS vs ${d.xero} in Xero`).join('; ');
      return [
        {
          place: 'xero',
          kind: 'check',
          text: `Compare ${label} in Xero with CocoonOPS (${diffs}) and correct the side that is wrong (in Xero: edit it, or void it and re-send from CocoonOPS).`,
        },
        { place: 'cocoonops', kind: 'close_exception', text: `Then close the exception for ${label} in CocoonOPS.` },
      ];
    }
    case 'exists_unverified': {
      const fields = listed(check.notCompared.map((n) => n.field));
      return [
        {
          place: 'xero',
          kind: 'check',
          text: `Open ${label} in Xero and compare its ${fields} with CocoonOPS's: the exception did not give them.`,
        },
        {
          place: 'cocoonops',
          kind: 'close_exception',
          text: `If it is the same ${check.xero?.docType === 'credit_note' ? 'credit note' : 'invoice'}, close the exception for ${label} in CocoonOPS; if not, it needs another number (ask CocoonOPS support), then re-send it.`,
        },
      ];
    }
    case 'not_found':
      return null;
    case 'cannot_check':
      return [{ place: 'reconciler', kind: 'check', text: `${capital(check.summary)} Until then, look ${label} up in Xero by number.` }];
  }
}

/** Steps to clear one exception; none once it is resolved. */
export function stepsFor(e: ExceptionItem, ctx: StepContext): ChecklistStep[] {
  if (e.resolvedAt) return [];
  const def = playbookDef(e.playbookId);
  const drafts: Draft[] = [];
  const code = e.accountCode || e.details.accountNumber || '';

  const doc = def.checksDocument ? documentSteps(e) : null;
  if (doc) {
    drafts.push(...doc);
  } else if (def.resend === 'if_not_in_xero') {
    drafts.push(...resendSteps(e)); // not found in Xero: re-send
  } else {
    const account = def.linksAccount && code ? accountSteps(e, ctx, code) : null;
    if (account) drafts.push(...account);
    else
      for (const text of def.resolve.filter((t) => !isResendText(t)))
        drafts.push({ place: placeOf(text), kind: /^wait\b/i.test(text) ? 'wait' : 'fix', text });
    if (def.resend === 'after_fix' || def.resend === 'after_wait') drafts.push(...resendSteps(e));
  }
  return drafts.map((d, i) => ({
    exceptionId: e.id,
    accountCode: code,
    documentNumber: e.number,
    docType: e.docType,
    order: i + 1,
    ...d,
  }));
}
