// Playbooks for messages about the Xero contact (the billing account).
// Citation keys: acc:N = shared/xero-openapi/xero_accounting.yaml line N; seed = shared/seeds/common-xero-exceptions.txt
// (CocoonOPS's help page); facts §N = shared/docs/xero-facts.md; other sources are GitHub issues or vendors' help pages
// that quote Xero's message. `confirmed: false` marks messages no source quotes verbatim (our guess of Xero's text).
import type { PlaybookDef } from './playbooks';

export const CONTACT_PLAYBOOKS: readonly PlaybookDef[] = [
  {
    id: 'account_number_exists',
    title: 'The billing account code is already held by another Xero contact',
    area: 'contact',
    xeroMessages: ['The Account Number already exists. Please enter a different Account Number.'],
    sources: ['seed', 'github.com/calcinai/xero-php/issues/880 (title)', 'facts §2'],
    confirmed: true,
    patterns: [/\bthe account number already exists\b/i, /\bplease enter a different account number\b/i],
    cause: [
      'Name mismatch: the organisation name in CocoonOPS differs from the Xero contact that already holds the billing ' +
        'account code as its Account Number, so the sync tries to create a "new" contact with a number that is taken',
      'The holder may be archived: an archived Xero contact still holds its Account Number.',
    ],
    resolve: [
      'Check that the name of the contact and organisation in CocoonOPS matches the Xero contact that already has this Account Number',
      "Check that the CocoonOPS billing account code matches the Xero contact's Account Number",
      "Follow the reconciler's finding for this billing account: rename on the side that is wrong, restore an archived holder, or recode.",
    ],
    resend: 'after_fix',
    check: [
      'The finding and decision for the billing account (name mismatch, archived holder or code conflict).',
      'Which Xero contact holds the Account Number, and whether it is archived.',
    ],
    linksAccount: true,
    checksDocument: false,
  },
  {
    id: 'contact_name_taken',
    title: 'Another Xero contact already has this name',
    area: 'contact',
    xeroMessages: [
      'The contact name Buzz Lightyear is already assigned to another contact. The contact name must be unique across all active contacts.',
    ],
    sources: ['acc:3963, acc:4211 (createContacts / updateOrCreateContacts examples)', 'facts §2'],
    confirmed: true,
    patterns: [
      /\bthe contact name (?<contactName>.+?) is already assigned to another contact\b/i,
      /\bcontact name is already assigned to another contact\b/i, // design.md's wording; unconfirmed
    ],
    cause: [
      'No Xero contact holds the billing account code as its Account Number, so the sync creates a contact with the ' +
        "organisation's name; an active Xero contact already has that name (often one without an Account Number).",
    ],
    resolve: [
      'In Xero, open the contact with this name and set its Account Number to the CocoonOPS billing account code (if it is the same business).',
      'If it is a different business, rename the organisation in CocoonOPS (or the Xero contact) so the names differ.',
      'Re-send the invoice.',
    ],
    resend: 'after_fix',
    check: ['The finding for the billing account (code_missing, code_conflict, ambiguous).', 'Xero contacts with this name.'],
    linksAccount: true,
    checksDocument: false,
  },
  {
    id: 'contact_archived',
    title: 'The Xero contact is archived',
    area: 'contact',
    xeroMessages: [
      'The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes.',
    ],
    sources: [
      'help.re-leased.com "How to resolve common Xero sync errors"',
      'knowledgebase.agridigital.io "Xero Errors - archived contacts"',
      'support.fyi.app "Error when exporting invoices to Xero Ledger due to Archived Contacts"',
    ],
    confirmed: true,
    patterns: [
      /\bcontact with the specified contact details has been archived\b/i,
      /\bcontact must be un-?archived before creating new invoices or credit notes\b/i,
      /\bcontact (?:'[^']*' )?(?:is|has been) archived\b/i, // unconfirmed variant
    ],
    cause: ['The Xero contact that holds the billing account code was archived, or merged into another contact (merging archives it).'],
    resolve: [
      'In Xero: Contacts › All contacts › Archived, open the contact and choose Restore (possible when no active contact has the same name).',
      'If it was merged, give the surviving contact the billing account code as its Account Number (and free the archived one), so CocoonOPS finds it.',
      'Re-send the invoice.',
    ],
    resend: 'after_fix',
    check: ['The finding for the billing account (archived_holder).', 'Whether the contact was merged (a current version then exists).'],
    linksAccount: true,
    checksDocument: false,
  },
  {
    id: 'contact_not_found',
    title: 'The Xero contact the invoice points at does not exist',
    area: 'contact',
    xeroMessages: ['The contact with ContactID 00000000-0000-0000-0000-000000000000 could not be found.'],
    sources: ["src/sandbox/accounting/invoice-rules.ts (our sandbox; Xero's exact text unconfirmed)"],
    confirmed: false,
    patterns: [
      /\bcontact with contactid (?<contactId>[0-9a-f-]{36}) could not be found\b/i,
      /\bcontact(?:id)? [^.]{0,60}could not be found\b/i,
    ],
    cause: [
      'CocoonOPS sent a ContactID Xero does not know: the contact was deleted, belongs to another Xero organisation, or CocoonOPS is connected to a different organisation.',
    ],
    resolve: [
      'Check that CocoonOPS is connected to the right Xero organisation.',
      'Make sure a Xero contact holds the billing account code as its Account Number.',
      'Re-send the invoice.',
    ],
    resend: 'after_fix',
    check: ['The finding for the billing account (not_in_xero).'],
    linksAccount: true,
    checksDocument: false,
  },
  {
    id: 'contact_missing',
    title: 'The invoice has no contact Xero can identify',
    area: 'contact',
    xeroMessages: [
      'The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber',
      'A Contact must be specified for this type of transaction',
    ],
    sources: [
      'acc:1602, acc:1859 (same Contact validation, BankTransactions examples)',
      'src/sandbox/accounting/invoice-rules.ts (second text unconfirmed)',
    ],
    confirmed: true,
    patterns: [
      /\bcontact must contain at least 1 of the following elements to identify the contact\b/i,
      /\ba contact must be specified for this type of transaction\b/i,
    ],
    cause: ['The billing account on the invoice has no organisation name (and no Xero link) in CocoonOPS.'],
    resolve: ['Give the billing account an organisation name (and the right billing account code) in CocoonOPS.', 'Re-send the invoice.'],
    resend: 'after_fix',
    check: ['The billing account in the CocoonOPS import (name and code).'],
    linksAccount: true,
    checksDocument: false,
  },
  {
    id: 'contact_number_taken',
    title: 'Another Xero contact has this contact number',
    area: 'contact',
    xeroMessages: ['Another contact has this contact number. Please enter a different contact number.'],
    sources: ['garagehive docs "Common Xero Errors"'],
    confirmed: true,
    patterns: [/\banother contact has this contact number\b/i],
    cause: ['The sync sent a ContactNumber (Xero\'s API-only "Contact Code") that another Xero contact already has.'],
    resolve: [
      'Find the Xero contact with this contact number; if it is the same business, link the billing account to it (same Account Number and name).',
      'Otherwise ask CocoonOPS support which contact number it sends.',
    ],
    resend: 'after_fix',
    check: ['The finding for the billing account (ambiguous, code_conflict: likely duplicates).'],
    linksAccount: true,
    checksDocument: false,
  },
  {
    id: 'contact_email_invalid',
    title: "The contact's email address is not valid",
    area: 'contact',
    xeroMessages: ['Email address must be valid.'],
    sources: ['garagehive docs "Common Xero Errors"', 'github.com/waynerobinson/xeroizer/issues/477'],
    confirmed: true,
    patterns: [/\bemail address must be valid\b/i],
    cause: ["The billing account's email in CocoonOPS is malformed (a typo, two addresses in one field, spaces)."],
    resolve: ["Correct the billing account's email in CocoonOPS (one address).", 'Re-send the invoice.'],
    resend: 'after_fix',
    check: ['The email of the billing account in the CocoonOPS import.'],
    linksAccount: true,
    checksDocument: false,
  },
];
