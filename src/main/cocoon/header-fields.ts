// Header row → which column holds which billing-account field (tolerant matching, synonyms, explicit mapping).
import type { Problem } from './import-problems';
import { createColumnMatcher, type FieldMapping, type ResolvedFields } from './column-matcher';

export { normaliseHeader } from './column-matcher';

export const ACCOUNT_FIELDS = ['name', 'code', 'contactName', 'email', 'phone', 'address', 'postcode', 'status'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly AccountField[] = ['name', 'code'];

/** Header text per field, chosen by the user; null = do not use this field. Overrides detection. */
export type ColumnMapping = FieldMapping<AccountField>;

export type ResolvedColumns = ResolvedFields<AccountField>;

export const FIELD_LABELS: Record<AccountField, string> = {
  name: 'organisation name',
  code: 'billing account code',
  contactName: 'contact name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  postcode: 'postcode',
  status: 'status',
};

/** Synonyms per field, best first; compared after normaliseHeader. */
const SYNONYMS: Record<AccountField, readonly string[]> = {
  name: [
    'Organisation Name',
    'Organization Name',
    'Organisation',
    'Organization',
    'Company Name',
    'Company',
    'Customer Name',
    'Customer',
    'Account Name',
    'Billing Account Name',
    'Business Name',
    'Name',
  ],
  code: [
    'Billing Account Code',
    'Billing Account Number',
    'Account Code',
    'Account Number',
    'Account No',
    'Billing Code',
    'Customer Code',
    'Code',
  ],
  contactName: ['Contact Name', 'Contact Person', 'Contact'],
  email: ['Email', 'Email Address', 'E-mail', 'E-mail Address'],
  phone: ['Phone', 'Phone Number', 'Telephone', 'Telephone Number', 'Tel', 'Mobile', 'Mobile Number'],
  address: ['Address', 'Billing Address', 'Street Address', 'Street', 'Postal Address'],
  postcode: ['Postcode', 'Post Code', 'Postal Code', 'ZIP Code', 'Zip'],
  status: ['Status', 'Account Status'],
};

const matcher = createColumnMatcher<AccountField>({
  fields: ACCOUNT_FIELDS,
  required: REQUIRED_FIELDS,
  labels: FIELD_LABELS,
  synonyms: SYNONYMS,
});

export function fieldForHeader(header: string): AccountField | null {
  return matcher.fieldForHeader(header);
}

/**
 * Matches a header row to fields. Problems (all on the header row): an explicit mapping naming a missing
 * header or an unknown field, a missing required column (errors); two columns for one field (warning).
 */
export function resolveColumns(
  header: readonly string[],
  explicit: ColumnMapping = {},
  headerRow = 1,
): {
  columns: ResolvedColumns;
  problems: Problem[];
} {
  return matcher.resolve(header, explicit, headerRow);
}
