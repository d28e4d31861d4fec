// Every migration this build knows, in order. Add new ones at the end; never edit or remove an applied one.
import { createHash } from 'node:crypto';
import { init } from './0001-init';
import { exceptions } from './0002-exceptions';
import { outbox } from './0003-outbox';
import { decisionBatches } from './0004-decision-batches';
import { mergedContacts } from './0005-merged-contacts';
import { unverifiedVerdict } from './0006-exists-unverified';
import { stampIndexes } from './0007-stamp-indexes';
import { partialCorrectionIndexes } from './0008-partial-correction-indexes';
import type { KnownMigration, Migration } from './types';

export type { KnownMigration, Migration } from './types';

export const checksumOf = (sql: string): string => createHash('sha256').update(sql, 'utf8').digest('hex');

export function withChecksums(list: readonly Migration[]): KnownMigration[] {
  list.forEach((m, i) => {
    if (m.id !== i + 1) throw new Error(`migration ${m.name} has id ${m.id}, expected ${i + 1}: ids are 1, 2, 3, … in order`);
  });
  return list.map((m) => ({ ...m, checksum: checksumOf(m.sql) }));
}

export const MIGRATIONS: readonly KnownMigration[] = withChecksums([
  init,
  exceptions,
  outbox,
  decisionBatches,
  mergedContacts,
  unverifiedVerdict,
  stampIndexes,
  partialCorrectionIndexes,
]);

export const LATEST_SCHEMA = MIGRATIONS.length;
