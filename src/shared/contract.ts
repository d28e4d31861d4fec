// The one contract between UI and core: every channel with the zod schemas of its input and output, and
// every pushed event with its payload. Main validates each input against it; the UI takes its types from it.
import { ExportView } from './xero-export';
import { z } from 'zod';
import type { Channel, EventName } from './channels';
import { exceptionsContract } from './contract-exceptions';
import { exportsContract } from './contract-exports';
import { outboxContract, outboxEvents } from './contract-outbox';
import { ChosenEncoding, FindingKind, XeroContact } from './domain';
import {
  DecisionAction,
  DecisionView,
  FindingDetail,
  ReviewList,
  RecentWorkspace,
  ReviewRow,
  RowDecision,
  WorkspaceInfo,
  WorkspaceStatus,
} from './review';

const Empty = z.strictObject({});
const AccountCode = z.string().trim().min(1, 'an account code is required').max(200);
/** Base64 of an uploaded file (files over 200 MB are refused by the importers anyway). */
const FileContent = z.base64().max(280_000_000, 'the file is too large (over 200 MB)');
const FileName = z.string().trim().min(1, 'a file name is required').max(500);

/** CocoonOPS fields a column can be mapped to (the same list as the importer's). */
export const MappingField = z.enum(['name', 'code', 'contactName', 'email', 'phone', 'address', 'postcode', 'status']);
export type MappingField = z.infer<typeof MappingField>;
export const ColumnMapping = z.partialRecord(MappingField, z.string().max(200).nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const Problem = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  features: z.object({ demo: z.boolean(), connect: z.boolean(), sync: z.boolean() }),
  /** Why connect/sync are off (null when they are on). */
  xeroUnavailableReason: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const CocoonFileInput = z.strictObject({
  fileName: FileName,
  content: FileContent,
  mapping: ColumnMapping.optional(),
  encoding: ChosenEncoding.optional(),
});

/** What an export would change against the open workspace's billing accounts (null without one). */
export const ImportComparison = z.object({
  added: z.number().int(),
  renamed: z.number().int(),
  /** Accounts of the workspace the file does not have. */
  gone: z.number().int(),
  /** Of those, the ones with a decision: kept, but not shown while their code is not imported. */
  goneDecided: z.number().int(),
  /** Of those, the ones whose code changed as their decision asked (the new code, or the same name, is in the file). */
  recodedAsDecided: z.number().int(),
  /** The first codes of the decided ones gone for another reason. */
  goneDecidedSample: z.array(z.string()),
});
export type ImportComparison = z.infer<typeof ImportComparison>;

export const CocoonPreview = z.object({
  header: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  totalRows: z.number().int(),
  mapping: z.record(MappingField, z.string().nullable()),
  unknownColumns: z.array(z.string()),
  problems: z.array(Problem),
  /** Errors block the import; warnings do not. */
  errors: z.number().int(),
  encoding: z.string().nullable(),
  format: z.string().nullable(),
  comparison: ImportComparison.nullable(),
});
export type CocoonPreview = z.infer<typeof CocoonPreview>;

/** `readAs` names the text encoding the file was read in ("UTF-8", "Windows-1252"). */
export const ImportResult = z.object({ rows: z.number().int(), warnings: z.array(Problem), readAs: z.string() });

export const BulkInput = z.strictObject({
  accountCodes: z.array(AccountCode).min(1, 'select at least one account').max(200_000),
  /** "suggested" takes each finding's suggested action. */
  action: z.union([z.literal('suggested'), DecisionAction]).default('suggested'),
  note: z.string().max(2000).optional(),
  /** Also rename accounts whose names lost information (each towards the name that keeps more); left out by default. */
  includeNameLoss: z.boolean().default(false),
  /** Also set AccountNumbers that replace the number a contact already has; left out by default. */
  replaceAccountNumbers: z.boolean().default(false),
});

/** The BulkInput option that would include a skipped account (absent: nothing includes it). */
export const BulkOption = z.enum(['includeNameLoss', 'replaceAccountNumbers']);
export type BulkOption = z.infer<typeof BulkOption>;
export const BulkItem = z.object({
  accountCode: z.string(),
  action: DecisionAction,
  summary: z.string(),
  /** Why the account would have been left out without an option (e.g. "replaces X-96935"); null when nothing. */
  note: z.string().nullable(),
});
/** An account a bulk apply leaves out: why (the same words for every account left out for it), and its own case. */
export const BulkSkip = z.object({
  accountCode: z.string(),
  reason: z.string(),
  /** This account's particulars (the contact that holds the number, the other suggestion): absent when the reason says all. */
  detail: z.string().optional(),
  option: BulkOption.optional(),
});
export const BulkPreview = z.object({ items: z.array(BulkItem), skipped: z.array(BulkSkip) });
export type BulkPreview = z.infer<typeof BulkPreview>;

export const BulkApplied = z.object({
  applied: z.number().int(),
  /** How many of the accounts were left out (the preview lists which and why; the dialog closes on the answer). */
  skipped: z.number().int().min(0),
  /**
   * What the table redraws: each decided account's code and its decision (a bulk apply never links, so no other
   * cell of the row changes). Not whole rows: 5,000 of those were 1.9 MB.
   */
  decisions: z.array(z.tuple([z.string(), RowDecision])),
  /** Undoes the whole apply (decisions.undoBatch); null when nothing was applied. */
  batchId: z.number().int().nullable(),
});
export type BulkApplied = z.infer<typeof BulkApplied>;

export const BatchUndone = z.object({
  undone: z.number().int(),
  /** Of those, decisions whose Xero corrections were already pushed: Xero keeps them until undone on the Push screen. */
  pushed: z.number().int(),
  rows: z.array(ReviewRow),
});
export type BatchUndone = z.infer<typeof BatchUndone>;

export const SyncResult = z.object({ contacts: z.number().int(), finishedAt: z.string() });

export const contract = {
  'app.info': { input: Empty, output: AppInfo },
  'workspace.current': { input: Empty, output: WorkspaceInfo.nullable() },
  'workspace.recent': { input: Empty, output: z.array(RecentWorkspace) },
  'workspace.open': {
    input: z.strictObject({ path: z.string().trim().min(1, 'a workspace path is required').max(4096), create: z.boolean().default(false) }),
    output: WorkspaceInfo,
  },
  'workspace.openDemo': { input: z.strictObject({ reset: z.boolean().default(false) }), output: WorkspaceInfo },
  'workspace.close': { input: Empty, output: z.null() },
  'workspace.status': { input: Empty, output: WorkspaceStatus },
  'findings.list': {
    /** With `limit`: the first rows in the default order (failing kinds first), for a quick first paint. */
    input: z.strictObject({ limit: z.number().int().min(1).max(200_000).optional() }),
    output: ReviewList,
  },
  'findings.detail': { input: z.strictObject({ accountCode: AccountCode }), output: FindingDetail },
  /** Matches again (e.g. after a cancelled run); resolves when the findings are stored, or fails "cancelled". */
  'findings.recompute': { input: Empty, output: z.null() },
  'findings.cancelRecompute': { input: Empty, output: z.object({ cancelled: z.boolean() }) },
  'contacts.search': {
    input: z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(z.object({ contact: XeroContact, score: z.number() })),
  },
  'decisions.apply': {
    input: z.strictObject({
      accountCode: AccountCode,
      action: DecisionAction,
      xeroContactId: z.string().min(1).optional(),
      note: z.string().max(2000).optional(),
      /** The user confirmed writing a CocoonOPS name that lost information over the Xero name (refused otherwise, needs_confirmation). */
      confirmNameLoss: z.boolean().optional(),
    }),
    /** `warning`: why the decision's fix would not make the account pass (it is recorded all the same). */
    output: z.object({ decision: DecisionView, row: ReviewRow, warning: z.string().nullable() }),
  },
  'decisions.undo': {
    input: z.strictObject({ accountCode: AccountCode }),
    output: z.object({ undone: DecisionView.nullable(), row: ReviewRow }),
  },
  'decisions.bulkPreview': { input: BulkInput, output: BulkPreview },
  'decisions.bulkApply': { input: BulkInput, output: BulkApplied },
  /** Undoes every decision of one bulk apply at once (as decisions.undo does one). */
  'decisions.undoBatch': { input: z.strictObject({ batchId: z.number().int().min(1) }), output: BatchUndone },
  'imports.previewCocoon': { input: CocoonFileInput, output: CocoonPreview },
  'imports.cocoon': { input: CocoonFileInput, output: ImportResult },
  // A saved GET /Contacts response (JSON), or Xero's contacts export (CSV; `view`: the list it was exported from, else
  // the file name's, else All contacts).
  'imports.xeroFile': {
    input: z.strictObject({ fileName: FileName, content: FileContent, view: ExportView.optional() }),
    output: ImportResult,
  },
  'xero.connect': { input: Empty, output: z.object({ tenantName: z.string(), workspace: WorkspaceInfo }) },
  /** Signs the open workspace in to its own organisation again (after Xero ended the sign-in); keeps all its data. */
  'xero.reconnect': { input: Empty, output: z.object({ tenantName: z.string() }) },
  /** `allowShrink`: the user confirmed a full sync that removes most of the stored contacts (refused otherwise, needs_confirmation). */
  'xero.sync': { input: z.strictObject({ allowShrink: z.boolean().default(false) }), output: SyncResult },
  'xero.cancelSync': { input: Empty, output: z.object({ cancelled: z.boolean() }) },
  ...exceptionsContract,
  ...outboxContract,
  ...exportsContract,
} satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const ProgressEvent = z.object({
  task: z.enum(['demo', 'import', 'sync', 'match', 'outbox']),
  message: z.string(),
  done: z.number(),
  /** null when the total is not known yet. */
  total: z.number().nullable(),
  finished: z.boolean().default(false),
});

export const MENU_COMMANDS = ['open-demo', 'import', 'sync', 'search', 'help', 'close-workspace', 'next', 'previous'] as const;

export const events = {
  progress: ProgressEvent,
  'workspace.changed': z.object({
    reason: z.enum(['opened', 'closed', 'imported', 'synced', 'matched', 'decided']),
    workspace: WorkspaceInfo.nullable(),
  }),
  'menu.command': z.object({ command: z.enum(MENU_COMMANDS) }),
  /** The Xero sign-in page to show (the web host cannot open a browser itself). */
  'xero.signIn': z.object({ url: z.url() }),
  ...outboxEvents,
} satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export { FindingKind };
