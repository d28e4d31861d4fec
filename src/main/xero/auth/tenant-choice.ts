// Choosing the organisation (tenant) a workspace connects to, from GET /connections (pure).
import { XeroError } from '../errors';
import type { XeroConnection } from './token-client';

export interface TenantRef {
  tenantId: string;
  tenantName: string;
}

/** No tenant, or no single tenant, fits: `tenants` lists the choices (for a picker, or the message). */
export class TenantChoiceError extends XeroError {
  override readonly name = 'TenantChoiceError';
  constructor(
    message: string,
    readonly tenants: TenantRef[],
  ) {
    super(message);
  }
}

const listing = (tenants: readonly TenantRef[]): string => tenants.map((t) => `  ${t.tenantName || '(no name)'}  ${t.tenantId}`).join('\n');

/** By id or (case-insensitive) name; the only one when `wanted` is empty; otherwise an error listing them. */
export function chooseTenant(connections: readonly XeroConnection[], wanted?: string): TenantRef {
  const tenants: TenantRef[] = connections
    .filter((c) => c.tenantType.toUpperCase() === 'ORGANISATION')
    .map((c) => ({ tenantId: c.tenantId, tenantName: c.tenantName }));
  if (tenants.length === 0) {
    throw new TenantChoiceError(
      'No Xero organisation is connected to Reconciler. Connect again and allow access to at least one organisation.',
      [],
    );
  }
  const w = wanted?.trim().toLowerCase();
  if (!w) {
    if (tenants.length === 1) return tenants[0]!;
    throw new TenantChoiceError(
      `${tenants.length} Xero organisations are connected; choose one by id or name (--tenant):\n${listing(tenants)}`,
      tenants,
    );
  }
  const byId = tenants.find((t) => t.tenantId.toLowerCase() === w);
  if (byId) return byId;
  const byName = tenants.filter((t) => t.tenantName.trim().toLowerCase() === w);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new TenantChoiceError(`Several connected organisations are called "${wanted}"; choose one by id:\n${listing(byName)}`, byName);
  }
  throw new TenantChoiceError(`No connected Xero organisation has the id or name "${wanted}". Connected:\n${listing(tenants)}`, tenants);
}
