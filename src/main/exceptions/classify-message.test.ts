import { describe, expect, it } from 'vitest';
import { PLAYBOOK_IDS, Playbook, type PlaybookId } from '../../shared/exceptions';
import { classifyMessage, normaliseMessage } from './classify-message';
import { listPlaybooks, PLAYBOOKS, playbook } from './playbooks';

describe('playbooks', () => {
  it('cover every playbook id once, each valid for the contract, with a cause, a fix and a source', () => {
    expect(PLAYBOOKS.map((p) => p.id)).toEqual([...PLAYBOOK_IDS]);
    for (const p of listPlaybooks()) {
      expect(() => Playbook.parse(p)).not.toThrow();
      expect(p).not.toHaveProperty('patterns');
      expect(p.cause.length).toBeGreaterThan(0);
      expect(p.resolve.length).toBeGreaterThan(0);
      if (p.id !== 'unknown') expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it('classify each of their own documented messages to themselves', () => {
    for (const p of PLAYBOOKS) {
      for (const message of p.xeroMessages) expect(classifyMessage(message).playbookId, message).toBe(p.id);
    }
  });

  it('mark guessed message texts as unconfirmed', () => {
    expect(playbook('contact_not_found').confirmed).toBe(false);
    expect(playbook('account_number_exists').confirmed).toBe(true);
  });
});

const cases: [string, PlaybookId][] = [
  // the seed's two
  ['The Account Number already exists. Please enter a different Account Number.', 'account_number_exists'],
  ['The Account Number already exists. Please enter a different Account Number', 'account_number_exists'],
  ['the account number already exists.', 'account_number_exists'],
  ['Invoice # must be unique', 'invoice_number_unique'],
  ['Invoice # must be unique.', 'invoice_number_unique'],
  ['INVOICE # MUST BE UNIQUE', 'invoice_number_unique'],
  ['Invoice #  must be\nunique.', 'invoice_number_unique'],
  ['Xero rejected invoice INV-0042: Invoice # must be unique.', 'invoice_number_unique'],
  // contacts
  [
    'The contact name Acme Freight is already assigned to another contact. The contact name must be unique across all active contacts.',
    'contact_name_taken',
  ],
  [
    'The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes.',
    'contact_archived',
  ],
  ['The contact must be unarchived before creating new invoices or credit notes', 'contact_archived'],
  ['The contact with ContactID 3bdb6edb-2073-5328-9e5a-07ebe4082853 could not be found.', 'contact_not_found'],
  [
    'The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber',
    'contact_missing',
  ],
  ['A Contact must be specified for this type of transaction', 'contact_missing'],
  ['Another contact has this contact number. Please enter a different contact number.', 'contact_number_taken'],
  ['Email address must be valid.', 'contact_email_invalid'],
  // lines, tax, currency, dates
  ["Account code '4000' is not a valid code for this document.", 'account_code_invalid'],
  ['Account code 4000 is not a valid code for this document', 'account_code_invalid'],
  ["Account code ''476'' has been removed as it does not match a recognised account.", 'account_code_invalid'],
  ['Account must be valid.', 'account_code_invalid'],
  ["The TaxType code 'OUTPUT3' does not exist or cannot be used for this type of transaction.", 'tax_type_invalid'],
  ['The TaxType code GST on Income does not exist or cannot be used for this type of transaction', 'tax_type_invalid'],
  ['Tax rate must be valid.', 'tax_type_invalid'],
  ['Organisation is not subscribed to currency USD', 'currency_not_subscribed'],
  ["The current organisation is not subscribed to currency 'EUR'.", 'currency_not_subscribed'],
  ['A currency rate must be specified.', 'currency_rate_required'],
  ['The document date cannot be before the end of year lock date, currently set at 31-Jul-2013', 'lock_date'],
  ['The document date cannot be before the period lock date, currently set at 30/11/2018.', 'lock_date'],
  ['This document cannot be edited as it has a payment or credit note allocated to it.', 'document_locked'],
  ['Invoice not of valid status for modification', 'document_locked'],
  ['An existing Credit Note with the specified CreditNoteID could not be found', 'document_not_found'],
  ['One or more line items must be specified', 'line_items_missing'],
  ['The document DueDate field must be specified.', 'date_missing'],
  ['The Date field must be specified.', 'date_missing'],
  // connection, envelope, unknown
  ['TokenExpired: token expired at 04/09/2023 05:16:59', 'xero_connection'],
  ['{"Type":null,"Title":"Forbidden","Status":403,"Detail":"AuthenticationUnsuccessful"}', 'xero_connection'],
  ['Rate limit exceeded, please try again later', 'xero_busy'],
  ['Organisation offline', 'xero_busy'],
  ['A validation exception occurred', 'validation_no_detail'],
  ['Something unexpected went wrong', 'unknown'],
  ['', 'unknown'],
];

describe('classifyMessage', () => {
  it.each(cases)('%s → %s', (message, id) => {
    expect(classifyMessage(message).playbookId).toBe(id);
  });

  it('straightens curly quotes and reads the details named in the message', () => {
    expect(classifyMessage('Account code ‘4000’ is not a valid code for this document').details).toEqual({ accountCode: '4000' });
    expect(classifyMessage("The TaxType code 'GST on Income' cannot be used with account code '60410'.")).toMatchObject({
      playbookId: 'tax_type_invalid',
      details: { taxType: 'GST on Income', accountCode: '60410' },
    });
    expect(
      classifyMessage('The TaxType code GST on Income does not exist or cannot be used for this type of transaction.').details.taxType,
    ).toBe('GST on Income');
    expect(classifyMessage("The current organisation is not subscribed to currency 'eur'.").details.currency).toBe('EUR');
    expect(classifyMessage('The contact name Buzz Lightyear is already assigned to another contact.').details.contactName).toBe(
      'Buzz Lightyear',
    );
    expect(
      classifyMessage('The document date cannot be before the end of year lock date, currently set at 31-Jul-2013').details,
    ).toMatchObject({
      lockKind: 'end_of_year',
      lockDate: '31-Jul-2013',
    });
    expect(classifyMessage('The document date cannot be before the period lock date').details).toEqual({ lockKind: 'period' });
  });

  it('reports every message of a combined text, the first as the playbook', () => {
    const c = classifyMessage(
      'Validation Error (The document date cannot be before the period lock date, currently set at 30-Nov-2018, ' +
        'The document date cannot be before the end of year lock date, currently set at 30-Nov-2018)',
    );
    expect(c).toMatchObject({ playbookId: 'lock_date', also: [], details: { lockKind: 'period', lockDate: '30-Nov-2018' } });
    const two = classifyMessage(
      'Invoice not of valid status for modification This document cannot be edited as it has a payment or credit note allocated to it.',
    );
    expect(two.playbookId).toBe('document_locked');
    const mixed = classifyMessage('A validation exception occurred: Email address must be valid. Account must be valid.');
    expect(mixed).toMatchObject({ playbookId: 'contact_email_invalid', also: ['account_code_invalid'] });
  });

  it('picks up an invoice number and billing account CocoonOPS wrote around the message, never a plain word', () => {
    expect(classifyMessage('Invoice INV-0042 (billing account ACME01): Invoice # must be unique.').details).toEqual({
      documentNumber: 'INV-0042',
      accountNumber: 'ACME01',
    });
    expect(
      classifyMessage('Credit note CN-7: An existing Credit Note with the specified CreditNoteID could not be found').details
        .documentNumber,
    ).toBe('CN-7');
    expect(classifyMessage('The Account Number already exists. Please enter a different Account Number.').details).toEqual({});
    expect(classifyMessage('Invoice not of valid status for modification').details).toEqual({});
  });

  it('normalises spacing, quotes and doubled apostrophes but keeps the words', () => {
    expect(normaliseMessage("  Account code ''476''\u00a0has   been\tremoved ")).toBe("Account code '476' has been removed");
    expect(normaliseMessage('“quoted”')).toBe('"quoted"');
  });
});
