// RECONCILER_STATS=1: one JSON line on stderr at exit with wall time and peak memory (for benchmarks).
const started = performance.now();
const phases: Record<string, number> = {};

/** Times one phase of a command; the times are part of the RECONCILER_STATS line. */
export async function phase<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = Math.round(performance.now() - t);
  }
}

export function reportStatsAtExit(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.RECONCILER_STATS) return;
  process.once('exit', () => {
    const cpu = process.cpuUsage();
    const maxRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
    process.stderr.write(
      `${JSON.stringify({ stats: { ms: Math.round(performance.now() - started), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb, phases } })}\n`,
    );
  });
}
