// The exports part of the contract: a table as the screen shows it (the review's rows, the push plan, the exceptions
// list) saved as CSV or XLSX. In Electron the core asks where to save it and writes the file; the web host hands
// the file back for the browser to download. Merged into contract.ts (see EXPORTS_CHANNELS).
import { z } from 'zod';
import type { ExportsChannel } from './channels-exports';
import { ExceptionsFilter } from './contract-exceptions';

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportRequest = z.discriminatedUnion('table', [
  z.strictObject({
    table: z.literal('review'),
    format: ExportFormat,
    /** The accounts the review shows, in its order (filtered, searched and sorted as on screen). */
    accountCodes: z.array(z.string().min(1).max(200)).max(200_000),
  }),
  z.strictObject({ table: z.literal('plan'), format: ExportFormat }),
  z.strictObject({ table: z.literal('exceptions'), format: ExportFormat, filter: ExceptionsFilter }),
]);
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportSaved = z.discriminatedUnion('kind', [
  /** Electron: written where the user chose. */
  z.object({ kind: z.literal('saved'), path: z.string(), fileName: z.string(), rows: z.number().int() }),
  /** Web host: the file for the browser to download (base64). */
  z.object({ kind: z.literal('download'), fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number().int() }),
  /** The user closed the save dialog: nothing written. */
  z.object({ kind: z.literal('cancelled') }),
]);
export type ExportSaved = z.infer<typeof ExportSaved>;

export const exportsContract = {
  'exports.save': { input: ExportRequest, output: ExportSaved },
} satisfies Record<ExportsChannel, { input: z.ZodType; output: z.ZodType }>;
