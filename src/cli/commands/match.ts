// reconciler match: stateless, one shot: two files in, one finding per billing account out.
import { ABOUT } from '../command-help';
import type { Command } from 'commander';
import { matchEach } from '../../main/matching';
import { formatForPath } from '../../main/findings/report';
import { prepareFiles } from '../../main/findings/match-files';
import { EXIT } from '../exit-codes';
import { collectMapping } from '../options';
import { note, progress } from '../progress';
import { action, CliUsageError } from '../run';
import { phase } from '../stats';
import { countKinds, describeCounts } from './summary';
import { writeFindingsTo } from '../findings-file';

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description(ABOUT.match)
    .requiredOption('--cocoon <file>', 'CocoonOPS billing-account export (CSV or XLSX)')
    .requiredOption('--xero <file>', 'Xero contacts: a GET /Contacts response (JSON), or a folder of page files')
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
        const { parsed, contacts, side, prepared, config } = await phase('read', () =>
          prepareFiles({ path: opts.cocoon, mapping: opts.map, sheet: opts.sheet }, opts.xero),
        );
        // Each finding is written and counted as it is made, and then let go: 100,000 of them held at once took
        // about 120 MB, and the text as one string as much again.
        const counts = countKinds([]);
        const bar = progress('matching');
        await phase('match and write', () =>
          writeFindingsTo(opts.out, format, (writer) => {
            const xeroFindings = matchEach(
              parsed.accounts,
              side,
              prepared,
              (f) => {
                counts[f.kind] += 1;
                writer.add(f);
              },
              {
                config,
                onProgress: (d, t) => bar.update(d, t),
                // The CSV has a row per billing account only: the likely duplicate contacts are in the JSON.
                xeroFindings: format === 'json',
              },
            );
            writer.end(xeroFindings);
          }),
        );
        bar.stop();
        for (const w of parsed.warnings.slice(0, 5)) note(`warning: row ${w.row}: ${w.message}`);
        const { line, failing } = describeCounts(counts);
        note(`${parsed.accounts.length} accounts, ${contacts.length} Xero contacts: ${line}`);
        if (opts.out !== '-') note(`findings written to ${opts.out}`);
        return opts.check && failing > 0 ? EXIT.willFail : EXIT.ok;
      }),
    );
}
