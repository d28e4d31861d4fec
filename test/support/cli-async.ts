// Runs the real `reconciler` command without blocking the test's event loop (a sandbox may run in-process).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, type CliResult } from './cli';

export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcessWithoutNullStreams & { output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/reconciler.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output.stderr += d));
  return Object.assign(child, { output });
}

export function finished(child: ReturnType<typeof startCli>): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, ...child.output }));
  });
}

export async function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return finished(startCli(args, env));
}

/** Resolves with the first stdout line (e.g. the sandbox's URL). */
export function firstLine(child: ReturnType<typeof startCli>, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output in ${timeoutMs} ms: ${child.output.stderr}`)), timeoutMs);
    const check = (): void => {
      const nl = child.output.stdout.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve(child.output.stdout.slice(0, nl).trim());
    };
    child.stdout.on('data', check);
    child.once('close', () => reject(new Error(`exited early: ${child.output.stderr}`)));
  });
}
