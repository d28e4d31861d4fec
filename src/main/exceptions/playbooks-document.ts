// Playbooks for messages about the document itself and its lines.
// Citation keys: acc:N = shared/xero-openapi/xero_accounting.yaml line N; seed = shared/seeds/common-xero-exceptions.txt
// (CocoonOPS's help page); facts §N = shared/docs/xero-facts.md; other sources are GitHub issues or vendors' help pages
// that quote Xero's message. `confirmed: false` marks messages no source quotes verbatim (our guess of Xero's text).
import type { PlaybookDef } from './playbooks';

export const DOCUMENT_PLAYBOOKS: readonly PlaybookDef[] = [
  {
    id: 'invoice_number_unique',
    title: 'The invoice number is already used in Xero',
    area: 'document',
    xeroMessages: ['Invoice # must be unique.'],
    sources: [
      'acc:8385-8387 (ValidationErrors of an ACCREC invoice, StatusAttributeString ERROR)',
      'seed (without the period)',
      'facts §3',
    ],
    confirmed: true,
    patterns: [/\binvoice #\s*must be unique\b/i, /\binvoice number must be unique\b/i],
    cause: [
      'The invoice reference already exists in your Xero organisation: usually the invoice was sent before ' +
        '(a retry after a time-out, or a re-send), sometimes another sales invoice took the number.',
    ],
    resolve: [
      'If the invoice exists in Xero and is correct, close the exception in CocoonOPS',
      'If it exists but differs, decide which side is right: correct the Xero invoice (or void it and re-send), then close the exception.',
      'If it is not in Xero, re-send it from CocoonOPS.',
    ],
    resend: 'if_not_in_xero',
    check: ["The reconciler's invoice-number check: contact, date, total, currency and type against the synced Xero document."],
    linksAccount: false,
    checksDocument: true,
  },
  {
    id: 'document_locked',
    title: 'The Xero invoice can no longer be changed',
    area: 'document',
    xeroMessages: [
      'This document cannot be edited as it has a payment or credit note allocated to it.',
      'Invoice not of valid status for modification',
    ],
    sources: [
      'github.com/XeroAPI/Xero-NetStandard/issues/84',
      'github.com/waynerobinson/xeroizer/pull/211',
      'github.com/XeroAPI/xero-php-oauth2/issues/257',
      'github.com/XeroAPI/Xero-NetStandard/issues/79 (maintainer)',
    ],
    confirmed: true,
    patterns: [/\bcannot be edited as it has a payment or credit note allocated to it\b/i, /\bnot of valid status for modification\b/i],
    cause: [
      'CocoonOPS sent an update for an invoice that, in Xero, is paid, has a credit note allocated, or is voided or deleted; ' +
        'Xero refuses changes to it.',
    ],
    resolve: [
      'Do not re-send: it would fail the same way.',
      'If the Xero invoice is right, close the exception in CocoonOPS.',
      'If the amounts must change, raise a credit note (or remove the payment or allocation in Xero first, with your bookkeeper).',
    ],
    resend: 'never',
    check: ["The reconciler's document check: status and amounts of the invoice in Xero."],
    linksAccount: false,
    checksDocument: true,
  },
  {
    id: 'document_not_found',
    title: 'The Xero document CocoonOPS refers to no longer exists',
    area: 'document',
    xeroMessages: [
      'An existing Credit Note with the specified CreditNoteID could not be found',
      'The document with the supplied id was not found for this endpoint.',
    ],
    sources: ['acc:5567, acc:5823 (CreditNotes)', 'acc:11586 (Overpayments history example)', 'invoice variant unconfirmed'],
    confirmed: true,
    patterns: [
      /\ban existing (?:credit note|invoice) with the specified (?:creditnoteid|invoiceid) could not be found\b/i,
      /\bthe document with the supplied id was not found\b/i,
    ],
    cause: ['CocoonOPS keeps the Xero ID of a document that was deleted in Xero, or that belongs to another Xero organisation.'],
    resolve: [
      'Check in Xero whether the document was deleted (search by number, including deleted and voided documents).',
      'Ask CocoonOPS support to clear the stale Xero link.',
    ],
    resend: 'after_fix',
    check: ["The reconciler's document check by number."],
    linksAccount: false,
    checksDocument: true,
  },
  {
    id: 'line_items_missing',
    title: 'The invoice has no usable lines',
    area: 'line',
    xeroMessages: ['One or more line items must be specified', 'Description needs to be at least 1 char long'],
    sources: ['github.com/benmccann/xero-java-client/issues/5', 'acc:20679 (LineItem.Description; message text unconfirmed)'],
    confirmed: true,
    patterns: [/\bone or more line items must be specified\b/i, /\bdescription needs to be at least 1 char(?:acter)?s? long\b/i],
    cause: ['The invoice or credit note has no charge lines, or a line without a description.'],
    resolve: ['Add the charges (with descriptions) to the invoice in CocoonOPS.', 'Re-send the invoice.'],
    resend: 'after_fix',
    check: ["The invoice's charges in CocoonOPS."],
    linksAccount: false,
    checksDocument: false,
  },
  {
    id: 'date_missing',
    title: 'The invoice date or due date is missing',
    area: 'document',
    xeroMessages: ['The Date field must be specified.', 'The document DueDate field must be specified.'],
    sources: [
      'github.com/waynerobinson/xeroizer/issues/290',
      'github.com/waynerobinson/xeroizer/issues/395 (due date required for AUTHORISED)',
    ],
    confirmed: true,
    patterns: [/\bthe date field must be specified\b/i, /\bdue ?date field must be specified\b/i],
    cause: ['The invoice was sent as approved without a due date (no payment terms on the billing account) or without a date.'],
    resolve: [
      "Set the payment terms of the billing account (or the invoice's due date) in CocoonOPS; or set default due-date terms in Xero's invoice settings.",
      'Re-send the invoice.',
    ],
    resend: 'after_fix',
    check: ["The billing account's payment terms in CocoonOPS."],
    linksAccount: false,
    checksDocument: false,
  },
  {
    id: 'account_code_invalid',
    title: 'A revenue account code is not valid in Xero',
    area: 'line',
    xeroMessages: [
      "Account code '200' is not a valid code for this document",
      "Account code '476' has been removed as it does not match a recognised account.",
      'Account code has been archived or deleted',
      'Account must be valid.',
    ],
    sources: [
      'github.com/XeroAPI/Xero-NetStandard/issues/364 (credit note)',
      'acc:10184 (warning text, ManualJournals example)',
      'help.re-leased.com "How to resolve common Xero sync errors"',
      'github.com/XeroAPI/Xero-Java/issues/353',
    ],
    confirmed: true,
    patterns: [
      /\baccount code '?(?<accountCode>[^'\s]+?)'? is not a valid code\b/i,
      /\baccount code '?(?<accountCode>[^'\s]+?)'? has been removed\b/i,
      /\baccount code has been archived or deleted\b/i,
      /\baccount must be valid\b/i,
      /\baccount could not be found\b/i,
    ],
    cause: [
      'A charge line uses a revenue account code (CocoonOPS Managing Rates: Revenue Account Code) that does not exist in Xero, ' +
        'is archived, or cannot be used on this kind of document (e.g. not a revenue account).',
    ],
    resolve: [
      "In CocoonOPS, check the rate's Revenue Account Code against Xero's chart of accounts and correct it.",
      'Or add / restore the account in Xero (Accounting › Chart of accounts).',
      'Re-send the invoice.',
    ],
    resend: 'after_fix',
    check: ["The account code in Xero's chart of accounts (status, type)."],
    linksAccount: false,
    checksDocument: false,
  },
  {
    id: 'tax_type_invalid',
    title: 'A tax rate cannot be used',
    area: 'line',
    xeroMessages: [
      'The TaxType code GST on Income does not exist or cannot be used for this type of transaction.',
      "The TaxType code 'GST on Income' cannot be used with account code '60410'.",
      "The TaxType code 'GST on Income' is not valid",
      'Tax rate must be valid.',
    ],
    sources: [
      'github.com/XeroAPI/Xero-Java/issues/336',
      'github.com/XeroAPI/xero-mcp-server/issues/210',
      'github.com/XeroAPI/Xero-Java/issues/353',
    ],
    confirmed: true,
    patterns: [
      /\bthe taxtype code '?(?<taxType>.+?)'? does not exist or cannot be used\b/i,
      /\bthe taxtype code '?(?<taxType>.+?)'? cannot be used with account code '?(?<accountCode>[^'\s]+?)'?(?=[\s.,;)]|$)/i,
      /\bthe taxtype code '?(?<taxType>.+?)'? is not valid\b/i,
      /\bthe tax ?type code cannot be used with account code\b/i,
      /\btax rate must be valid\b/i,
    ],
    cause: [
      'A charge line carries a tax type Xero does not have (often a display name such as "GST on Income" instead of the code ' +
        "such as OUTPUT), an archived tax rate, or one the line's account does not allow.",
    ],
    resolve: [
      "In CocoonOPS, check the tax rate mapped for the charge (Managing Rates) against Xero's tax rates (Accounting › Advanced › Tax rates).",
      'Use a tax rate that is active in Xero and allowed on the revenue account.',
      'Re-send the invoice.',
    ],
    resend: 'after_fix',
    check: ["Xero's tax rates and the account's default tax."],
    linksAccount: false,
    checksDocument: false,
  },
];
