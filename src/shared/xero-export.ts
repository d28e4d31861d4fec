// Xero's own contacts export as the Xero side of a workspace: which list (view) of Xero's web app a file was exported
// from, and what the review says it cannot know from such files. Shared by core and UI.
import { z } from 'zod';

/** Contacts → All contacts, Customers, Archived: each view's Export button writes its own list. */
export const EXPORT_VIEWS = ['all', 'customers', 'archived'] as const;
export const ExportView = z.enum(EXPORT_VIEWS);
export type ExportView = z.infer<typeof ExportView>;

export const EXPORT_VIEW_LABELS: Record<ExportView, string> = {
  all: 'All contacts',
  customers: 'Customers',
  archived: 'Archived',
};

/** The view a file name names ("Archived contacts.csv"), when it names one (Xero's download does not say). */
export function viewFromFileName(fileName: string): ExportView | null {
  if (/archiv/i.test(fileName)) return 'archived';
  if (/customer/i.test(fileName)) return 'customers';
  return null;
}

/** Is this file Xero's contacts export (CSV) rather than a saved GET /Contacts response (JSON)? By its name. */
export const isExportFileName = (fileName: string): boolean => /\.(csv|txt)$/i.test(fileName);

/** The Xero side came from Xero's contacts export: the views imported, and what cannot be known from them. */
export const XeroExportSide = z.object({
  views: z.array(ExportView),
  caveats: z.array(z.string()),
});
export type XeroExportSide = z.infer<typeof XeroExportSide>;

/** Why nothing can be pushed while the Xero side is an export (the Push screen, `reconciler push`). */
export const EXPORT_PUSH_REFUSAL =
  "The Xero contacts here come from Xero's contacts export, which has no ContactIDs: nothing can be pushed to Xero until " +
  "this workspace is connected to Xero and synced. The sync replaces the exported contacts with Xero's own, and the decisions made here move to them.";

/** What the review cannot know with these views imported (pure). */
export function exportCaveats(views: readonly ExportView[]): string[] {
  const caveats = [
    "From Xero's contacts export: no ContactIDs, so nothing can be pushed to Xero until this workspace is connected and synced.",
  ];
  if (!views.includes('archived')) {
    caveats.push(
      'Archived contacts are missing: Xero exports them only from Contacts → Archived. Import that export too, or an archived contact holding a code goes unseen.',
    );
  }
  if (!views.includes('all')) {
    caveats.push(
      'Only some contacts are here: import the export of Contacts → All contacts too (suppliers and other contacts can hold a code).',
    );
  }
  if (!views.includes('customers')) {
    caveats.push('The export does not say who is a customer: "not a customer" is not checked (import the Customers export too, or sync).');
  }
  return caveats;
}
