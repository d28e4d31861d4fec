import { describe, expect, it } from 'vitest';
import { auditActionText, auditResultText } from './audit-words';

describe('the audit log in words', () => {
  it('reads actions and results without ids', () => {
    expect(auditActionText('decision.rename_in_xero')).toBe('Decision: Rename in Xero');
    expect(auditActionText('xero.sync')).toBe('Synced Xero');
    expect(auditActionText('something.new_here')).toBe('Something new here');
    expect(auditResultText('ok')).toBe('done');
    expect(auditResultText('conflict')).toMatch(/not written/);
  });
});
