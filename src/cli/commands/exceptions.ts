// reconciler exceptions: import a CocoonOPS Exceptions Manager export, or classify one pasted Xero message.
import { ABOUT } from '../command-help';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { openWorkspace } from '../../main/db';
import {
  addPastedException,
  EXCEPTION_FIELDS,
  exceptionsCsv,
  exceptionsJson,
  getException,
  importExceptionsFile,
  listExceptions,
  recheckExceptions,
  type ExceptionField,
  type ExceptionMapping,
} from '../../main/exceptions';
import { parseAmount, parseDate, parseDocType } from '../../main/exceptions/values';
import { formatForPath } from '../../main/findings/report';
import type { ChosenEncoding } from '../../shared/domain';
import {
  PLAYBOOK_IDS,
  VERDICTS,
  type ExceptionDetail,
  type ExceptionInputDraft,
  type ExceptionsQuery,
  type PlaybookId,
  type Verdict,
} from '../../shared/exceptions';
import { exceptionsExportTable } from '../../main/exports/exceptions-table';
import { tableCsv } from '../../main/exports/csv';
import { isTablePath, writeTableFile } from '../export-file';
import { parseEncoding } from '../options';
import { note } from '../progress';
import { action, CliUsageError } from '../run';

interface ExceptionsOptions {
  workspace: string;
  map?: ExceptionMapping;
  sheet?: string;
  encoding?: ChosenEncoding;
  out?: string;
  message?: string;
  number?: string;
  account?: string;
  type?: string;
  date?: string;
  total?: string;
  currency?: string;
  state?: string;
  recheck?: boolean;
  list?: boolean;
  show?: 'open' | 'resolved' | 'all';
  playbook?: PlaybookId;
  verdict?: Verdict;
}

function oneOf<T extends string>(option: string, values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`${option} must be one of ${values.join(', ')} (got "${value}").`);
    return value as T;
  };
}

/** The exceptions list as the Exceptions screen shows it and its Export… saves it: .xlsx, .csv (stdout without --out) or .json. */
async function writeList(ws: Parameters<typeof listExceptions>[0], o: ExceptionsOptions): Promise<void> {
  const query: ExceptionsQuery = {
    ...(o.playbook ? { playbook: o.playbook } : {}),
    ...(o.verdict ? { verdict: o.verdict } : {}),
    ...((o.show ?? 'open') === 'all' ? {} : { resolved: o.show === 'resolved' }),
  };
  if (o.out && /\.json$/i.test(o.out)) {
    await output(
      listExceptions(ws, query).map((e) => getException(ws, e.id)),
      o.out,
      () => '',
    );
    return;
  }
  const table = exceptionsExportTable(ws, query);
  if (!o.out || o.out === '-') process.stdout.write(tableCsv(table));
  else if (!isTablePath(o.out)) throw new CliUsageError(`--out must name a .xlsx, .csv or .json file (got "${o.out}").`);
  else note(`${await writeTableFile(table, o.out)} exception${table.rows.length === 1 ? '' : 's'} written to ${o.out}`);
}

/** --map field=Header (repeatable), fields of the exceptions export. */
function collectExceptionMapping(value: string, previous: ExceptionMapping = {}): ExceptionMapping {
  const eq = value.indexOf('=');
  const field = value.slice(0, eq).trim() as ExceptionField;
  if (eq < 1 || !EXCEPTION_FIELDS.includes(field)) {
    throw new InvalidArgumentError(`--map takes field=Header, where field is one of ${EXCEPTION_FIELDS.join(', ')} (got "${value}").`);
  }
  return { ...previous, [field]: value.slice(eq + 1).trim() };
}

function checked<T>(r: { ok: true; value: T } | { ok: false; error: string }, option: string): T {
  if (!r.ok) throw new CliUsageError(`${option}: ${r.error}`);
  return r.value;
}

function pastedDraft(o: ExceptionsOptions): ExceptionInputDraft {
  return {
    message: o.message ?? '',
    number: o.number,
    accountCode: o.account,
    docType: o.type === undefined ? null : checked(parseDocType(o.type), '--type'),
    date: o.date === undefined ? undefined : checked(parseDate(o.date), '--date'),
    total: o.total === undefined ? null : checked(parseAmount(o.total), '--total').amount,
    currency: o.currency,
    state: o.state,
  };
}

function describe(d: ExceptionDetail): string {
  const e = d.exception;
  const p = d.playbook;
  const lines = [
    `exception ${e.id}${e.number ? `: ${e.docType === 'credit_note' ? 'credit note' : 'invoice'} ${e.number}` : ''}${e.accountCode ? `, billing account ${e.accountCode}` : ''}`,
    `playbook  ${p.id}: ${p.title}${p.confirmed ? '' : ' (message text unconfirmed)'}`,
  ];
  if (d.also.length > 0) lines.push(`also      ${d.also.map((a) => a.id).join(', ')}`);
  if (e.check)
    lines.push(`verdict   ${e.check.verdict}: ${e.check.summary}${e.check.syncedAt ? ` (Xero synced ${e.check.syncedAt})` : ''}`);
  const x = e.check?.xero;
  if (x) {
    const contact = x.contactAccountNumber ? `${x.contactName} (${x.contactAccountNumber})` : x.contactName;
    lines.push(
      `in Xero   ${x.docType === 'credit_note' ? 'credit note' : 'invoice'} ${x.number} (${x.type}): ${contact}, ${x.date}, ${x.total.toFixed(2)} ${x.currency}, ${x.status}`,
    );
  }
  if (d.finding) lines.push(`finding   ${d.finding.kind}: ${d.finding.explanation}`);
  if (d.decision) lines.push(`decision  ${d.decision.action}${d.decision.note ? ` (${d.decision.note})` : ''}`);
  lines.push('cause', ...p.cause.map((c) => `  - ${c}`));
  lines.push(`re-send   ${p.resend}`);
  lines.push('what to do', ...d.steps.map((s) => `  ${s.order}. [${s.place}] ${s.text}`));
  return `${lines.join('\n')}\n`;
}

async function output(details: readonly ExceptionDetail[], out: string | undefined, human: () => string): Promise<void> {
  if (out === undefined) {
    process.stdout.write(human());
    return;
  }
  let format;
  try {
    format = formatForPath(out);
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  const text = format === 'json' ? exceptionsJson(details) : exceptionsCsv(details);
  if (out === '-') process.stdout.write(text);
  else {
    await writeFile(out, text);
    note(`${details.length} exception${details.length === 1 ? '' : 's'} written to ${out}`);
  }
}

export function registerExceptions(program: Command): void {
  program
    .command('exceptions [file]')
    .description(ABOUT.exceptions)
    .requiredOption('--workspace <path>', 'workspace file')
    .option(
      '--map <field=Header>',
      `use this column for a field (repeatable); fields: ${EXCEPTION_FIELDS.join(', ')}`,
      collectExceptionMapping,
    )
    .option('--sheet <name>', 'XLSX worksheet to read (default: the first)')
    .option('--encoding <name>', 'read a CSV as utf-8 or windows-1252 (for a file that mixes UTF-8 with other bytes)', parseEncoding)
    .option('--out <file>', 'FILE.csv or FILE.json ("-" for CSV on stdout); default: CSV on stdout for a file, text for --message')
    .option('--message <text>', 'one Xero error message, as CocoonOPS shows it, instead of a file')
    .option('--number <number>', 'with --message: the invoice or credit note number')
    .option('--account <code>', 'with --message: the billing account code')
    .option('--type <type>', 'with --message: invoice or credit note')
    .option('--date <date>', 'with --message: the document date')
    .option('--total <amount>', 'with --message: the document total')
    .option('--currency <code>', 'with --message: the currency')
    .option('--state <state>', 'with --message: the invoice state in CocoonOPS (for the re-send steps)')
    .option('--recheck', "instead of importing: check the open exceptions' invoice numbers again (after a Xero sync) and print them")
    .option(
      '--list',
      "instead of importing: write the exceptions list as the app's Exceptions screen shows it (--out FILE.xlsx, .csv or .json; CSV on stdout without)",
    )
    .option('--show <which>', 'with --list: open (default), resolved or all', oneOf('--show', ['open', 'resolved', 'all'] as const))
    .option('--playbook <id>', 'with --list: only exceptions of this playbook', oneOf('--playbook', PLAYBOOK_IDS))
    .option('--verdict <verdict>', 'with --list: only exceptions with this invoice-number verdict', oneOf('--verdict', VERDICTS))
    .action(
      action(async (file: string | undefined, opts: ExceptionsOptions) => {
        const modes = [file !== undefined, opts.message !== undefined, opts.recheck === true, opts.list === true].filter(Boolean).length;
        if (modes > 1) throw new CliUsageError('Give one of: an exceptions file, --message, --recheck or --list.');
        if (modes === 0)
          throw new CliUsageError('Give an exceptions file to import, or --message "<Xero error message>", or --recheck, or --list.');
        if (file === undefined && opts.map) throw new CliUsageError('--map applies to a file import.');
        const draft = opts.message !== undefined ? pastedDraft(opts) : undefined;
        const isNew = !existsSync(opts.workspace);
        const ws = openWorkspace(opts.workspace, { create: !opts.recheck && !opts.list });
        if (isNew) note(`created workspace ${opts.workspace}`);
        try {
          if (draft) {
            const d = addPastedException(ws, draft, 'cli');
            await output([d], opts.out, () => describe(d));
            return;
          }
          if (opts.list) {
            await writeList(ws, opts);
            return;
          }
          if (opts.recheck) {
            const r = recheckExceptions(ws);
            const counts = Object.entries(r.byVerdict)
              .filter(([, n]) => n > 0)
              .map(([v, n]) => `${n} ${v}`)
              .join(', ');
            note(`checked ${r.checked} invoice number${r.checked === 1 ? '' : 's'}${counts ? `: ${counts}` : ''}`);
            await output(
              listExceptions(ws, { resolved: false }).map((e) => getException(ws, e.id)),
              opts.out ?? '-',
              () => '',
            );
            return;
          }
          const s = await importExceptionsFile(
            ws,
            file as string,
            { mapping: opts.map, sheet: opts.sheet, encoding: opts.encoding },
            'cli',
          );
          for (const w of s.warnings.slice(0, 10)) note(`warning: row ${w.row}: ${w.message}`);
          note(
            `imported ${s.rows} exception${s.rows === 1 ? '' : 's'} from ${file} (read as ${s.readAs}; ${s.added} new, ${s.updated} seen before)`,
          );
          if (s.stillOpen.length > 0)
            note(`${s.stillOpen.length} marked resolved here are still open in CocoonOPS: exceptions ${s.stillOpen.join(', ')}`);
          const details = s.ids.map((id) => getException(ws, id));
          await output(details, opts.out ?? '-', () => '');
        } finally {
          ws.close();
        }
      }),
    );
}
