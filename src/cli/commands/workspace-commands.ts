// reconciler import | findings | status: the workspace commands.
import { ABOUT } from '../command-help';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Workspace } from '../../main/db';
import { importCocoonFile, importXeroContactsFile } from '../../main/imports/import-files';
import { hasXeroSide, recomputeFindings } from '../../main/findings/recompute';
import { findingsOutdated } from '../../main/review/dashboard';
import { formatForPath, renderFindings } from '../../main/findings/report';
import { reviewExportTable } from '../../main/exports/review-table';
import { writeTableFile } from '../export-file';
import { xeroExportSide, xeroFreshness } from '../../main/review/freshness';
import { EXPORT_VIEW_LABELS, type ExportView } from '../../shared/xero-export';
import { workspaceSummary, type XeroConnectionStatus } from '../../main/review/workspace-summary';
import { FAILING_KINDS, type ChosenEncoding, type FindingKind } from '../../shared/domain';
import { EXIT } from '../exit-codes';
import { collectMapping, parseEncoding, parseKind, parseView } from '../options';
import { note, progress } from '../progress';
import { withWorkspace } from '../workspace';
import { action, CliUsageError } from '../run';
import { describeCounts } from './summary';

function recompute(ws: Workspace): void {
  const bar = progress('matching');
  const summary = recomputeFindings(ws, { onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  if (summary.waitingFor === 'xero') note('findings wait for the Xero side: import a Xero contacts file (reconciler import xero) or sync.');
  else if (summary.waitingFor === 'cocoon')
    note('findings wait for the CocoonOPS side: import a billing-account export (reconciler import cocoon).');
  else note(`findings: ${describeCounts(summary.counts).line}`);
}

function connectionLine(c: XeroConnectionStatus | null, path: string): string {
  if (!c) return 'none (connect with reconciler connect --workspace …, or import a contacts file)';
  const org = `${c.tenantName}${c.sandbox ? ' (sandbox)' : ''}`;
  return c.disconnectedAt
    ? `${org}: disconnected ${c.disconnectedAt}; reconnect with reconciler connect --workspace ${path}`
    : `${org}, connected ${c.connectedAt}`;
}

export function registerWorkspaceCommands(program: Command): void {
  const imp = program.command('import').description(ABOUT.import);
  imp
    .command('cocoon <file>')
    .description('Import a CocoonOPS billing-account export (CSV or XLSX); it replaces the accounts imported before.')
    .requiredOption('--workspace <path>', 'workspace file')
    .option('--map <field=Header>', 'use this column for a field (repeatable), e.g. --map code="Acct No"', collectMapping)
    .option('--sheet <name>', 'XLSX worksheet to read (default: the first)')
    .option('--encoding <name>', 'read a CSV as utf-8 or windows-1252 (for a file that mixes UTF-8 with other bytes)', parseEncoding)
    .action(
      action(async (file: string, opts: { workspace: string; map?: Record<string, string>; sheet?: string; encoding?: ChosenEncoding }) =>
        withWorkspace(opts.workspace, true, async (ws) => {
          const s = await importCocoonFile(ws, file, { mapping: opts.map, sheet: opts.sheet, encoding: opts.encoding }, 'cli');
          for (const w of s.warnings.slice(0, 10)) note(`warning: row ${w.row}: ${w.message}`);
          note(`imported ${s.rows} billing accounts from ${file} (read as ${s.readAs})`);
          recompute(ws);
        }),
      ),
    );
  imp
    .command('xero <file>')
    .description(
      "Import Xero contacts: a GET /Contacts response file or a folder of pages (it replaces the Xero side), or Xero's own " +
        'contacts export, a .csv from Contacts → All contacts / Customers / Archived → Export (it replaces that list: import All and Archived for every contact).',
    )
    .requiredOption('--workspace <path>', 'workspace file')
    .option(
      '--view <list>',
      "for Xero's contacts export: the list it was exported from, all, customers or archived (default: the file name's, else all)",
      parseView,
    )
    .action(
      action(async (file: string, opts: { workspace: string; view?: ExportView }) =>
        withWorkspace(opts.workspace, true, async (ws) => {
          const s = await importXeroContactsFile(ws, file, 'cli', { view: opts.view });
          const side = xeroExportSide(ws);
          const detail = ws.imports.get(s.importId)?.detail as { view?: ExportView } | undefined;
          const from = side && detail?.view ? ` (Xero's contacts export, ${EXPORT_VIEW_LABELS[detail.view]}; read as ${s.readAs})` : '';
          note(`imported ${s.rows} Xero contacts from ${file}${from}`);
          for (const caveat of side?.caveats ?? []) note(`note: ${caveat}`);
          recompute(ws);
        }),
      ),
    );

  program
    .command('findings')
    .description(ABOUT.findings)
    .requiredOption('--workspace <path>', 'workspace file')
    .option('--kind <kind>', 'only this finding kind', parseKind)
    .option(
      '--out <file>',
      "FILE.csv or FILE.json (default: CSV on stdout), or FILE.xlsx: the review table as the app's Export… saves it (finding, reason, Xero contact, decision)",
      '-',
    )
    .option(
      '--check',
      `exit with code ${EXIT.willFail} when any account will fail on the next sync, ${EXIT.staleXero} when the Xero data may be incomplete (a failed or unfinished sync)`,
    )
    .action(
      action(async (opts: { workspace: string; kind?: FindingKind; out: string; check?: boolean }) =>
        withWorkspace(opts.workspace, false, async (ws) => {
          let format;
          try {
            format = /\.xlsx$/i.test(opts.out) ? null : formatForPath(opts.out);
          } catch (e) {
            throw new CliUsageError((e as Error).message);
          }
          // Findings older than the data (a stopped match, an older version's model) are matched again first: a list,
          // and above all a --check, must describe both sides as they are.
          if (hasXeroSide(ws) && findingsOutdated(ws)) {
            note('the findings are out of date (older than the data, or computed by an older version): matching again first');
            recompute(ws);
          }
          const findings = ws.findings.list({ kind: opts.kind });
          if (!format) {
            const rows = await writeTableFile(reviewExportTable(ws, null, opts.kind), opts.out);
            note(`${rows} accounts written to ${opts.out}`);
          } else if (opts.out === '-')
            process.stdout.write(renderFindings({ findings, xeroFindings: opts.kind ? [] : ws.findings.xeroFindings() }, format));
          else {
            await writeFile(opts.out, renderFindings({ findings, xeroFindings: opts.kind ? [] : ws.findings.xeroFindings() }, format));
            note(`${findings.length} findings written to ${opts.out}`);
          }
          if (!opts.check) return EXIT.ok;
          // No verdict on a Xero side that may be incomplete: "nothing fails" could just mean "nothing was read".
          const fresh = xeroFreshness(ws);
          if (fresh.trust !== 'complete') {
            note(
              `check not passed: ${fresh.reason} Run reconciler sync --workspace ${opts.workspace} until it completes, then check again.`,
            );
            return EXIT.staleXero;
          }
          return findings.some((f) => FAILING_KINDS.includes(f.kind)) ? EXIT.willFail : EXIT.ok;
        }),
      ),
    );

  program
    .command('status')
    .description(ABOUT.status)
    .requiredOption('--workspace <path>', 'workspace file')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { workspace: string; json?: boolean }) =>
        withWorkspace(opts.workspace, false, (ws) => {
          const base = workspaceSummary(ws);
          const s = { ...base, findingsOutdated: hasXeroSide(ws) && findingsOutdated(ws, base) };
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
            return;
          }
          const when = (r: { finishedAt?: string | null; fileName?: string | null } | null) =>
            r ? `${r.finishedAt ?? '?'}${r.fileName ? ` (${r.fileName})` : ''}` : 'never';
          const lines = [
            `workspace        ${s.path}`,
            `billing accounts ${s.accounts}`,
            `xero contacts    ${s.contacts}`,
            `invoices         ${s.invoices}`,
            `findings         ${describeCounts(s.findings).line}`,
            `computed         ${s.findingsComputedAt ?? 'never'}${s.findingsOutdated ? ' (out of date: `reconciler findings` matches again)' : ''}`,
            `last CocoonOPS import ${when(s.lastCocoonImport)}`,
            `last Xero import      ${when(s.lastXeroImport)}`,
            `last Xero sync        ${when(s.lastSync)}`,
            `Xero data             ${s.xeroData.trust === 'complete' ? 'complete' : s.xeroData.reason}`,
            `Xero connection       ${connectionLine(s.xeroConnection, s.path)}`,
            ...(s.xeroBudget ? [`Xero calls today      ${s.xeroBudget.line}`] : []),
          ];
          if (s.xeroExport) {
            lines.push(`Xero side             Xero's contacts export (${s.xeroExport.views.map((v) => EXPORT_VIEW_LABELS[v]).join(', ')})`);
            for (const caveat of s.xeroExport.caveats) lines.push(`  ${caveat}`);
          }
          process.stdout.write(`${lines.join('\n')}\n`);
        }),
      ),
    );
}
