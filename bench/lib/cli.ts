// The generators' shared command line: `OUTDIR [--seed N]`.
import type { DatasetSummary } from './dataset';

export function cliMain(name: string, generate: (outDir: string, seed: number) => DatasetSummary): void {
  const args = process.argv.slice(2);
  let seed = 1;
  let outDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--seed') seed = Number(args[++i]);
    else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
    else if (!a.startsWith('--') && outDir === undefined) outDir = a;
    else {
      console.error(`${name}: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (outDir === undefined || !Number.isInteger(seed)) {
    console.error(`usage: tsx bench/${name}.ts OUTDIR [--seed N]`);
    process.exit(2);
  }
  const t0 = performance.now();
  const summary = generate(outDir, seed);
  console.log(JSON.stringify({ outDir, seed, ms: Math.round(performance.now() - t0), ...summary }));
}
