// reconciler match: stateless, one shot: two files in, one finding per billing account out.
import { ABOUT } from '../command-help';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatForPath, renderFindings } from '../../main/findings/report';
import { matchFiles } from '../../main/findings/match-files';
import { FAILING_KINDS } from '../../shared/domain';
import { EXIT } from '../exit-codes';
import { collectMapping } from '../options';
import { note, progress } from '../progress';
import { action, CliUsageError } from '../run';
import { phase } from '../stats';
import { summariseCounts } from './summary';

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description(ABOUT.match)
    .requiredOption('--cocoon <file>', 'CocoonOPS billing-account export (CSV or XLSX)')
    .requiredOption('--xero <file>', "Xero contacts: a GET /Contacts response (JSON), or a folder of page files")
    .requiredOption('--out <file>', 'where to write the findings: FILE.csv, FILE.json, or - for CSV on stdout')
    .option('--map <field=Header>', 'use this column of the export for a field (repeatable), e.g. --map code="Acct No"', collectMapping)
    .option('--sheet <name>', 'XLSX worksheet to read (default: the first)')
    .option('--check', `exit with code ${EXIT.willFail} when any account will fail on the next sync`)
    .action(
      action(async (opts: { cocoon: string; xero: string; out: string; map?: Record<string, string>; sheet?: string; check?: boolean }) => {
        let format;
        try {
          format = formatForPath(opts.out);
        } catch (e) {
          throw new CliUsageError((e as Error).message);
        }
        const bar = progress('matching');
        const { parsed, contacts, result } = await phase('read and match', () =>
          matchFiles({ path: opts.cocoon, mapping: opts.map, sheet: opts.sheet }, opts.xero, {
            onProgress: (d, t) => bar.update(d, t),
            // The CSV has a row per billing account only: the likely duplicate contacts are in the JSON.
            xeroFindings: format === 'json',
          }),
        );
        bar.stop();
        for (const w of parsed.warnings.slice(0, 5)) note(`warning: row ${w.row}: ${w.message}`);
        await phase('write', async () => {
          const text = renderFindings(result, format);
          if (opts.out === '-') process.stdout.write(text);
          else await writeFile(opts.out, text);
        });
        const counts = summariseCounts(result.findings);
        note(`${parsed.accounts.length} accounts, ${contacts.length} Xero contacts: ${counts.line}`);
        if (opts.out !== '-') note(`findings written to ${opts.out}`);
        return opts.check && result.findings.some((f) => FAILING_KINDS.includes(f.kind)) ? EXIT.willFail : EXIT.ok;
      }),
    );
}
