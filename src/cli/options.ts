// Option parsers shared by several commands.
import { ACCOUNT_FIELDS, type AccountField, type ColumnMapping } from '../main/cocoon/header-fields';
import { ChosenEncoding, FINDING_KINDS, type FindingKind } from '../shared/domain';
import { EXPORT_VIEWS, ExportView } from '../shared/xero-export';
import { InvalidArgumentError } from 'commander';

/** --map field=Header (repeatable) → an explicit column mapping. */
export function collectMapping(value: string, previous: ColumnMapping = {}): ColumnMapping {
  const eq = value.indexOf('=');
  const field = value.slice(0, eq).trim() as AccountField;
  if (eq < 1 || !ACCOUNT_FIELDS.includes(field)) {
    throw new InvalidArgumentError(`--map takes field=Header, where field is one of ${ACCOUNT_FIELDS.join(', ')} (got "${value}").`);
  }
  return { ...previous, [field]: value.slice(eq + 1).trim() };
}

export function parseKind(value: string): FindingKind {
  if (!(FINDING_KINDS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`--kind must be one of ${FINDING_KINDS.join(', ')} (got "${value}").`);
  }
  return value as FindingKind;
}

/** --view all|customers|archived: the list of Xero's web app a contacts export came from. */
export function parseView(value: string): ExportView {
  const parsed = ExportView.safeParse(value.toLowerCase());
  if (!parsed.success) throw new InvalidArgumentError(`--view must be one of ${EXPORT_VIEWS.join(', ')} (got "${value}").`);
  return parsed.data;
}

/** --encoding utf-8|windows-1252: how to read a CSV that mixes UTF-8 with other bytes. */
export function parseEncoding(value: string): ChosenEncoding {
  const parsed = ChosenEncoding.safeParse(value.toLowerCase());
  if (!parsed.success) throw new InvalidArgumentError(`--encoding must be one of ${ChosenEncoding.options.join(', ')} (got "${value}").`);
  return parsed.data;
}
