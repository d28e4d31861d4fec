// The bench's printed report: one compact block per data set, then the target checks.
import { availableParallelism } from 'node:os';
import type { CliRun, DatasetResult, EngineRun } from '../run';
import type { Metrics } from '../metrics';

const KIND_ORDER = [
  'ok',
  'name_mismatch',
  'code_missing',
  'archived_holder',
  'code_conflict',
  'not_in_xero',
  'not_customer',
  'ambiguous',
  '(none)',
];
const SHORT: Record<string, string> = {
  ok: 'ok',
  name_mismatch: 'nm',
  code_missing: 'cm',
  archived_holder: 'arch',
  code_conflict: 'conf',
  not_in_xero: 'nix',
  not_customer: 'ncu',
  ambiguous: 'amb',
  '(none)': 'none',
};

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '  —  ' : x.toFixed(3));
const int = (n: number) => n.toLocaleString('en-US');
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(0)} s` : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const ratio = (x: number | null) => (x === null ? 'n/a' : `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×`);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function run<T extends object>(x: T | { error: string } | null): T | null {
  return x && !('error' in x) ? x : null;
}

function kindRow(m: Metrics | undefined, kind: string): string {
  const k = m?.perKind.find((p) => p.kind === kind);
  return [k?.precision, k?.recall, k?.f1].map((x) => lpad(f3(x), 6)).join('');
}

export function printDataset(r: DatasetResult): void {
  const ours = run<EngineRun>(r.ours);
  const base = run<EngineRun>(r.baseline);
  const cli = run<CliRun>(r.cli);
  const sampled = base?.stats.sampled ?? false;
  console.log(
    `\n== ${r.label}: ${int(r.accounts)} accounts × ${int(r.contacts)} Xero contacts${r.generatedMs !== null ? ` (generated in ${ms(r.generatedMs)})` : ''} ==`,
  );
  if (!ours) console.log(`ours: ${(r.ours as { error: string } | null)?.error ?? 'not run'}`);
  if (!base) console.log(`baseline: ${(r.baseline as { error: string } | null)?.error ?? 'not run'}`);
  if (sampled && base)
    console.log(
      `(baseline on a ${int(base.stats.matched)}-account sample, its time extrapolated ×${(base.stats.accounts / base.stats.matched).toFixed(0)}; ratios compare ours on the same sample)`,
    );
  const prf = '    P     R    F1';
  console.log(`${pad('kind', 16)}${lpad('n', 6)}  ours${prf}  │ baseline${prf}`);
  const kinds = KIND_ORDER.filter(
    (k) => k !== '(none)' && ((r.truthCounts[k] ?? 0) > 0 || ours?.metrics.perKind.some((p) => p.kind === k && p.predicted > 0)),
  );
  for (const k of kinds)
    console.log(
      `${pad(k, 16)}${lpad(int(r.truthCounts[k] ?? 0), 6)}      ${kindRow(ours?.metrics, k)}  │         ${kindRow(base?.metrics, k)}`,
    );
  const oursS = ours ? (ours.metricsOnSample ?? ours.metrics) : undefined;
  const line = (label: string, o: string, b: string, extra = '') =>
    console.log(`${pad(label, 30)} ours ${pad(o, 18)} baseline ${pad(b, 18)}${extra}`);
  line(
    'accuracy = micro F1',
    `${f3(ours?.metrics.microF1)}${ours?.metricsOnSample ? ` (${f3(oursS?.microF1)} on sample)` : ''}`,
    f3(base?.metrics.microF1),
    `ours/baseline ${ratio(r.ratios.f1)}`,
  );
  line(
    'macro F1 over kinds',
    f3(ours?.metrics.macroF1),
    f3(base?.metrics.macroF1),
    ours && base ? `ours/baseline ${ratio((oursS as Metrics).macroF1 / (base.metrics.macroF1 || NaN))}` : '',
  );
  line('kind right (any contact)', f3(ours?.metrics.kindAccuracy), f3(base?.metrics.kindAccuracy));
  const lk = (m?: Metrics) => (m ? `${f3(m.link.precision)}/${f3(m.link.recall)}/${f3(m.link.f1)}` : 'n/a');
  line('links P/R/F1', lk(ours?.metrics), lk(base?.metrics));
  line(
    'unrelated code holder linked',
    ours ? String(ours.metrics.wrongUnrelatedHolderLinks) : 'n/a',
    base ? String(base.metrics.wrongUnrelatedHolderLinks) : 'n/a',
    sampled ? '(baseline: sample)' : '',
  );
  line(
    'match time (in process)',
    ours ? ms(ours.stats.matchMs) : 'n/a',
    base ? `${ms(base.stats.totalMs)}${sampled ? ' (extrap.)' : ''}` : 'n/a',
    `baseline/ours ${ratio(r.ratios.time)}`,
  );
  line('read files (in process)', ours ? ms(ours.stats.readMs) : 'n/a', base ? ms(base.stats.readMs) : 'n/a');
  line('peak RSS (own process)', ours ? `${ours.stats.maxRssMb} MB` : 'n/a', base ? `${base.stats.maxRssMb} MB` : 'n/a');
  if (cli) {
    const same =
      cli.differsFromInProcess === null
        ? ''
        : cli.differsFromInProcess === 0
          ? ', same findings as in process'
          : `, ${cli.differsFromInProcess} accounts differ from in process!`;
    console.log(
      `${pad('end to end (CLI)', 30)} ${ms(cli.ms)} (best of ${cli.runsMs.map(ms).join(', ')}), ${cli.maxRssMb} MB (${cli.source === 'cli' ? 'RECONCILER_STATS' : 'wall clock + VmHWM'}), F1 ${f3(cli.metrics.microF1)}${same}`,
    );
    console.log(
      `${pad('  whole process (CLI)', 30)} ${ms(cli.wallMs)} (fastest run timed from the bench: Node's own start and exit included)`,
    );
    if (cli.cpuMs !== null)
      console.log(
        `${pad('  CPU time (CLI)', 30)} ${ms(cli.cpuMs)} over all threads (V8's compiler and collector included) in the fastest run: ${(cli.cpuMs / cli.ms).toFixed(2)} of the host's ${availableParallelism()} cores busy on average`,
      );
    console.log(
      `${pad('  host reference', 30)} ${ms(cli.referenceMs)} for a fresh Node to JSON.parse the contacts file, fastest of ${cli.runsMs.length}: the CLI's whole process is ${ratio(cli.wallMs / cli.referenceMs)} that (compare runs on a host whose speed varies by this)`,
    );
  } else console.log(`${pad('end to end (CLI)', 30)} ${(r.cli as { error: string } | null)?.error ?? 'skipped (--no-cli)'}`);
  if (ours) {
    const c = ours.metrics.confusion;
    const cols = KIND_ORDER.filter((k) => Object.values(c).some((row) => (row[k] ?? 0) > 0));
    console.log(`confusion, ours (truth ↓ predicted →)  ${cols.map((k) => lpad(SHORT[k] ?? k, 5)).join('')}`);
    for (const k of KIND_ORDER.filter((x) => c[x]))
      console.log(`  ${pad(k, 37)}${cols.map((p) => lpad(String(c[k]?.[p] ?? 0), 5)).join('')}`);
  }
}

export function printTargets(results: DatasetResult[]): void {
  console.log('\n== targets ==');
  const chicago = results.find((r) => r.id === 'chicago');
  if (chicago) {
    const o = run<EngineRun>(chicago.ours);
    const pass = o !== null && o.metrics.microF1 >= 0.97 && o.metrics.wrongUnrelatedHolderLinks === 0;
    const why = o ? `F1 ${f3(o.metrics.microF1)}, ${o.metrics.wrongUnrelatedHolderLinks} unrelated holders linked` : 'matcher not run';
    console.log(`Chicago F1 ≥ 0.97 and no unrelated holder linked: ${pass ? 'PASS' : 'FAIL'} (${why})`);
  }
  // The growth curve, through the command users run: each size against the I/O floor measured beside it (a fresh
  // Node that only reads and parses the contacts file), peak memory, and the time per record from one size to the next.
  const curve = [
    { id: 'synthetic', label: '20k×50k', maxMb: 400 },
    { id: 'synthetic-100k', label: '100k×250k', maxMb: 1024 },
  ].flatMap((p) => {
    const r = results.find((x) => x.id === p.id);
    const c = r ? run<CliRun>(r.cli) : null;
    if (!r) return [];
    if (!c) {
      console.log(`${p.label} end to end: FAIL (${(r.cli as { error: string } | null)?.error ?? 'CLI not run'})`);
      return [];
    }
    const floor = c.wallMs / c.referenceMs;
    const perRecordUs = (c.wallMs * 1000) / (r.accounts + r.contacts);
    const pass = floor <= 10 && c.maxRssMb <= p.maxMb;
    console.log(
      `${p.label} end to end ≤ 10× the I/O floor and ≤ ${p.maxMb} MB: ${pass ? 'PASS' : 'FAIL'} (${ms(c.wallMs)}, ${ratio(floor)} the floor, ${c.maxRssMb} MB, ${perRecordUs.toFixed(1)} µs per record)`,
    );
    return [{ ...p, r, perRecordUs }];
  });
  if (curve.length === 2) {
    const [small, large] = curve as [(typeof curve)[number], (typeof curve)[number]];
    const growth = large.perRecordUs / small.perRecordUs;
    console.log(
      `time per record from ${small.label} to ${large.label}: ${ratio(growth)} (flat ≤ 1.25×: ${growth <= 1.25 ? 'PASS' : 'FAIL'})`,
    );
    const o = run<EngineRun>(large.r.ours);
    if (o)
      console.log(
        `${large.label} matching quality F1 ≥ 0.97: ${o.metrics.microF1 >= 0.97 ? 'PASS' : 'FAIL'} (F1 ${f3(o.metrics.microF1)})`,
      );
  }
}
