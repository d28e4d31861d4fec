// One-line reasons a bookkeeper can read: which keys matched, what differs.
import type { Contribution } from '../../shared/domain';
import type { PairScore, ScoringContext } from './score';

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "address and phone agree", "phone differs": the evidence beside the name. */
export function evidenceSummary(contributions: readonly Contribution[]): { agree: string; differ: string } {
  const fields = contributions.filter((c) => c.field !== 'name' && c.field !== 'code');
  const agree = fields
    .filter((c) => c.weight > 0)
    .map((c) => (c.level === 'domain' ? 'email domain' : c.level === 'same_street' ? 'street' : c.field));
  const differ = fields.filter((c) => c.weight < 0).map((c) => c.field);
  return {
    agree: agree.length ? `${list(agree)} ${agree.length > 1 ? 'agree' : 'agrees'}` : '',
    differ: differ.length ? `${list(differ)} ${differ.length > 1 ? 'differ' : 'differs'}` : '',
  };
}

function quoteForms(forms: string[]): string {
  return forms.map((f) => `'${f}'`).join(' and ');
}

/** How the two names compare, in words. */
export function describeNames(ctx: ScoringContext, a: number, b: number, score: PairScore): string {
  switch (score.nameLevel) {
    case 'exact':
      return 'names equal';
    case 'legal_form': {
      const forms = (joined: string) => (joined ? joined.split('\n') : []);
      const formsA = forms(ctx.accounts.legalForms[a]!);
      const formsB = forms(ctx.contacts.legalForms[b]!);
      const fa = new Set(formsA);
      const fb = new Set(formsB);
      const differing = [...formsA.filter((f) => !fb.has(f)), ...formsB.filter((f) => !fa.has(f))];
      return differing.length
        ? `names differ only by legal form ${quoteForms(differing)}`
        : 'names differ only in punctuation, spacing or abbreviations';
    }
    // No percentage here: a pair has one number, its score (the name similarity is one input to it).
    case 'very_similar':
      return 'names nearly equal';
    case 'similar':
      return 'names similar';
    case 'contains':
      return 'one name contains the other';
    case 'somewhat':
    case 'somewhat_rare':
      return 'names partly alike';
    case 'conflicting':
      return 'names partly alike, but each has words the other lacks';
    case 'shares_rare':
      return 'names differ but share a rare word';
    default:
      return 'names differ';
  }
}

/** "names differ only by legal form 'Pty Ltd'; address and phone agree" */
export function describePair(ctx: ScoringContext, a: number, b: number, score: PairScore): string {
  const { agree, differ } = evidenceSummary(score.contributions);
  return [describeNames(ctx, a, b, score), agree, differ].filter(Boolean).join('; ');
}
