// RECONCILER_STATS=1: one JSON line on stderr at exit with wall time and peak memory (for benchmarks).
const started = performance.now();

export function reportStatsAtExit(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.RECONCILER_STATS) return;
  process.once('exit', () => {
    const maxRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
    process.stderr.write(`${JSON.stringify({ stats: { ms: Math.round(performance.now() - started), maxRssMb } })}\n`);
  });
}
