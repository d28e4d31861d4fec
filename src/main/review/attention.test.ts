// The short reason shown on a decision that needs attention (attention.ts): pure, no workspace.
import { describe, expect, it } from 'vitest';
import { attentionReason, shortReason } from './attention';

describe('the reason a decision needs attention', () => {
  it('keeps the telling clause of the explanation, without "same code" and the sync message', () => {
    const why = `same code; names differ ('Harbour One Logistics') but phone, address and postcode agree: same business, renamed; the sync will fail with "The Account Number already exists"`;
    expect(shortReason(why, 200)).toBe(
      "names differ ('Harbour One Logistics') but phone, address and postcode agree: same business, renamed",
    );
    expect(shortReason(why, 40)).toBe("names differ ('Harbour One Logistics')…");
    expect(
      shortReason(`same code and name, but 'Acme' is not a customer in Xero: the sync may fail, as CocoonOPS links customers only`),
    ).toBe("same code and name, but 'Acme' is not a customer in Xero");
    expect(
      attentionReason({
        stage: 'pushed',
        explanation: `archived contact 'Acme' has the same name; the sync will fail with "x"; restore it in Xero`,
      }),
    ).toBe("Pushed; still fails: archived contact 'Acme' has the same name");
    // A step done by hand in Xero's web app is never called pushed.
    expect(
      attentionReason({
        stage: 'webAppFailed',
        explanation: `same code and name, but 'Acme' is not a customer in Xero: the sync may fail, as CocoonOPS links customers only`,
      }),
    ).toBe("Done in Xero's web app; still fails after a sync: same code and name, but 'Acme' is not a customer in Xero");
    expect(attentionReason({ stage: 'changed', explanation: 'same code; names differ only by legal form' })).toBe(
      'Changed in CocoonOPS; still fails: names differ only by legal form',
    );
  });
});
