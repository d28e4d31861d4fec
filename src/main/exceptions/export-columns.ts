// The columns of a CocoonOPS Exceptions Manager export: which header holds which field (tolerant matching).
import { EXCEPTION_FIELD_LABELS, EXCEPTION_FIELDS, type ExceptionField } from '../../shared/exceptions';
import { createColumnMatcher, type FieldMapping, type ResolvedFields } from '../cocoon/column-matcher';

export { EXCEPTION_FIELD_LABELS, EXCEPTION_FIELDS, type ExceptionField };

export type ExceptionMapping = FieldMapping<ExceptionField>;
export type ResolvedExceptionColumns = ResolvedFields<ExceptionField>;

/** Best first. A bare "Date" is the document's date; the exception's own timestamp has its own names. */
const SYNONYMS: Record<ExceptionField, readonly string[]> = {
  message: [
    'Exception',
    'Exception Message',
    'Exception Text',
    'Exception Details',
    'Message',
    'Error',
    'Error Message',
    'Xero Error',
    'Xero Message',
    'Details',
    'Description',
    'Reason',
  ],
  invoiceNumber: ['Invoice Number', 'Invoice No', 'Invoice #', 'Invoice Ref', 'Invoice Reference', 'Invoice'],
  creditNoteNumber: ['Credit Note Number', 'Credit Note No', 'Credit Note #', 'Credit Note', 'Credit Number'],
  document: ['Document Number', 'Document No', 'Document #', 'Document', 'Doc Number', 'Doc No', 'Number', 'Entity Reference', 'Record'],
  accountCode: [
    'Billing Account Code',
    'Billing Account Number',
    'Billing Account',
    'Account Code',
    'Account Number',
    'Account No',
    'Billing Code',
    'Customer Code',
    'Account',
  ],
  contactName: [
    'Organisation',
    'Organisation Name',
    'Organization',
    'Organization Name',
    'Customer',
    'Customer Name',
    'Company',
    'Company Name',
    'Billing Account Name',
    'Account Name',
    'Contact',
    'Contact Name',
  ],
  type: ['Type', 'Document Type', 'Doc Type', 'Entity Type', 'Entity', 'Record Type', 'Transaction Type'],
  date: ['Invoice Date', 'Document Date', 'Credit Note Date', 'Issue Date', 'Date Issued', 'Issued', 'Date'],
  total: ['Total', 'Invoice Total', 'Document Total', 'Total Amount', 'Amount', 'Total (inc tax)', 'Total Inc Tax', 'Gross', 'Value'],
  currency: ['Currency', 'Currency Code', 'Ccy'],
  state: ['Invoice State', 'Invoice Status', 'Document State', 'Document Status', 'State'],
  raisedAt: [
    'Exception Date',
    'Date Raised',
    'Raised',
    'Raised At',
    'Raised On',
    'Created',
    'Created At',
    'Created Date',
    'Created On',
    'Timestamp',
    'Logged',
    'Logged At',
  ],
};

export const exceptionColumns = createColumnMatcher<ExceptionField>({
  fields: EXCEPTION_FIELDS,
  required: ['message'],
  labels: EXCEPTION_FIELD_LABELS,
  synonyms: SYNONYMS,
});
