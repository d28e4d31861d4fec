import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/contract-outbox';
import { adviceFor } from '../outbox/advice';
import { auditCsv, checklistCsv, checklistHtml } from './checklist-files';

const list: Checklist = {
  generatedAt: '2026-01-02T03:04:05.000Z',
  total: 2,
  ticked: 1,
  groups: [
    {
      task: 'rename',
      title: 'Rename in CocoonOPS',
      total: 1,
      ticked: 1,
      lines: [
        {
          key: 'correction:3',
          accountCode: 'ACME01',
          accountName: 'Acme <Freight> & Co',
          place: 'cocoonops',
          kind: 'rename',
          text: 'Rename the organisation "=A" to "B"',
          steps: [],
          documents: [],
          correctionId: 3,
          exceptionId: null,
          ticked: true,
          tickedAt: '2026-01-02T00:00:00.000Z',
          shown: false,
        },
      ],
    },
    {
      task: 'resend',
      title: 'Re-send invoices from CocoonOPS',
      total: 1,
      ticked: 0,
      lines: [
        {
          key: 'correction:4',
          accountCode: 'ACME01',
          accountName: 'Acme <Freight> & Co',
          place: 'cocoonops',
          kind: 'resend',
          text: 'Re-send invoice INV-7 of ACME01:',
          steps: ['Set the invoice state to something other than issued.', 'Set it to issued.', 'Set it back.'],
          documents: ['INV-7'],
          correctionId: 4,
          exceptionId: null,
          ticked: false,
          tickedAt: null,
          shown: false,
        },
      ],
    },
  ],
};

describe('checklist exports', () => {
  it('CSV: one row per line, numbered steps, done or not, formulas neutralised', () => {
    const rows = parse(checklistCsv(list), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      to_do: 'Rename in CocoonOPS',
      billing_account_code: 'ACME01',
      where: 'CocoonOPS',
      done: 'yes',
      key: 'correction:3',
    });
    expect(rows[0]!.what).toBe('\'Rename the organisation "=A" to "B"'.slice(1));
    expect(rows[1]).toMatchObject({ to_do: 'Re-send invoices from CocoonOPS', invoices: 'INV-7', done_at: '' });
    expect(rows[1]!.steps).toBe('1. Set the invoice state to something other than issued.\n2. Set it to issued.\n3. Set it back.');
    expect(rows[1]!.done).toBe('no');
  });

  it('HTML: self-contained, escaped, a box per line, the steps numbered, print styles', () => {
    const html = checklistHtml(list);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Acme &lt;Freight&gt; &amp; Co');
    expect(html).toContain('☑');
    expect(html).toContain('☐');
    expect(html).toContain('<ol class="steps"><li>Set the invoice state to something other than issued.</li>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('keeps the runs of spaces of names and of the text quoting them, on screen and on paper', () => {
    const line = list.groups[0]!.lines[0]!;
    const spaced = {
      ...list,
      groups: [{ ...list.groups[0]!, lines: [{ ...line, accountName: 'Columbia  Explorers', text: 'Rename "Columbia  Explorers"' }] }],
    };
    const html = checklistHtml(spaced);
    expect(html).toContain('<span class="name">Columbia  Explorers</span>');
    expect(html).toContain('<div class="what">Rename &quot;Columbia  Explorers&quot;</div>');
    expect(html).toMatch(/\.name, \.what, ol\.steps li \{ white-space: pre-wrap; \}/);
  });
});

describe('audit CSV', () => {
  it('oldest first, with the correction, the message and the JSON columns', () => {
    const text = auditCsv([
      {
        id: 2,
        at: 't2',
        actor: 'cli',
        action: 'outbox.push',
        subject: 'c1',
        before: { Name: 'a' },
        after: { Name: 'b' },
        result: 'done',
        detail: { correctionId: 9, accountCode: 'ACME01', message: '' },
      },
      {
        id: 1,
        at: 't1',
        actor: 'user',
        action: 'decision.rename_in_xero',
        subject: 'ACME01',
        before: null,
        after: null,
        result: 'ok',
        detail: null,
      },
    ]);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(['1', '2']);
    expect(rows[1]).toMatchObject({ correction_id: '9', account_code: 'ACME01', before: '{"Name":"a"}', after: '{"Name":"b"}' });
  });
});

describe('adviceFor', () => {
  it("words the playbook's advice for Xero's messages", () => {
    expect(
      adviceFor([
        'The contact name Acme is already assigned to another contact. The contact name must be unique across all active contacts.',
      ]),
    ).toMatch(/merge the two in Xero/);
    expect(adviceFor(['The Account Number already exists. Please enter a different Account Number.'])).toMatch(
      /archived contacts keep theirs/,
    );
    expect(adviceFor([])).toBe('');
  });
});
