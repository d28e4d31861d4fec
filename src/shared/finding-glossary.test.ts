import { describe, expect, it } from 'vitest';
import { FAILING_KINDS, FINDING_KINDS } from './domain';
import { FINDING_GLOSSARY, GLOSSARY_ORDER } from './finding-glossary';
import { XERO_MESSAGES } from './sync-model';

describe('the findings glossary', () => {
  it('has a one-line tooltip, an outcome and a fix for every kind, failing kinds first', () => {
    expect([...GLOSSARY_ORDER].sort()).toEqual([...FINDING_KINDS].sort());
    expect(GLOSSARY_ORDER.slice(0, FAILING_KINDS.length).sort()).toEqual([...FAILING_KINDS].sort());
    for (const kind of FINDING_KINDS) {
      const g = FINDING_GLOSSARY[kind];
      for (const text of [g.label, g.tooltip, g.outcome, g.fix]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/\n|\b[a-z]+_[a-z]+\b/);
      }
    }
  });

  it("names Xero's own error for the kinds Xero refuses, and says the passing kinds pass", () => {
    for (const kind of ['name_mismatch', 'code_conflict'] as const)
      expect(FINDING_GLOSSARY[kind].outcome).toContain(XERO_MESSAGES.accountNumberTaken);
    expect(FINDING_GLOSSARY.archived_holder.outcome).toContain(XERO_MESSAGES.archivedContact);
    for (const kind of FINDING_KINDS.filter((k) => !FAILING_KINDS.includes(k))) expect(FINDING_GLOSSARY[kind].outcome).toMatch(/^Passes/);
    expect(FINDING_GLOSSARY.code_differs.tooltip).toContain('the sync passes');
  });
});
