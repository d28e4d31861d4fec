import { describe, expect, it } from 'vitest';
import { chooseTenant, TenantChoiceError } from './tenant-choice';
import type { XeroConnection } from './token-client';

const conn = (tenantId: string, tenantName: string, tenantType = 'ORGANISATION'): XeroConnection => ({
  id: `c-${tenantId}`,
  tenantId,
  tenantName,
  tenantType,
});
const two = [conn('t-1', 'Demo Company (AU)'), conn('t-2', 'Freight NZ'), conn('p-1', 'Payroll', 'PRACTICE')];

describe('chooseTenant', () => {
  it('takes the only organisation when none is named', () => {
    expect(chooseTenant([conn('t-1', 'Demo')])).toEqual({ tenantId: 't-1', tenantName: 'Demo' });
  });

  it('chooses by id or by name, ignoring case', () => {
    expect(chooseTenant(two, 'T-2').tenantName).toBe('Freight NZ');
    expect(chooseTenant(two, ' freight nz ').tenantId).toBe('t-2');
  });

  it('lists the organisations when several are connected and none is chosen', () => {
    const e = (() => {
      try {
        chooseTenant(two);
      } catch (err) {
        return err as TenantChoiceError;
      }
      throw new Error('expected an error');
    })();
    expect(e).toBeInstanceOf(TenantChoiceError);
    expect(e.message).toContain('2 Xero organisations are connected');
    expect(e.message).toContain('Demo Company (AU)  t-1');
    expect(e.message).toContain('Freight NZ  t-2');
    expect(e.tenants).toHaveLength(2);
  });

  it('refuses an unknown choice, a duplicate name, and an empty list', () => {
    expect(() => chooseTenant(two, 'Nope')).toThrow(/No connected Xero organisation has the id or name "Nope"/);
    expect(() => chooseTenant([conn('a', 'Same'), conn('b', 'same')], 'SAME')).toThrow(/choose one by id/);
    expect(() => chooseTenant([])).toThrow(/No Xero organisation is connected/);
  });
});
