// Identifiers and secrets.
import { randomBytes, randomUUID } from 'node:crypto';

export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

export function newId(): string {
  return randomUUID();
}

/** A URL-safe random string of `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
