// `reconciler push` asks before it writes to Xero: under a pseudo-terminal (util-linux `script`) it names the
// organisation and the counts per kind and asks; "n" writes nothing (exit 6), "y" pushes. Without a terminal it
// refuses unless given --yes; with --yes it pushes without asking, and says what the push fixed (an undo, which
// decision it reopened). `reconciler undo` asks the same way before it writes the before-image back. Against the
// sandbox on loopback.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes';
import { openWorkspace } from '../../src/main/db';
import { ROOT } from '../support/cli';
import { runCliAsync } from '../support/cli-async';
import { outboxWorld, planned, sandboxContact, type OutboxWorld } from '../support/outbox-setup';

const N = 3; // one rename, one AccountNumber, one restore
const pick = (c: Record<string, unknown>) => ({ Name: c.Name, AccountNumber: c.AccountNumber || '', ContactStatus: c.ContactStatus });
const posts = (w: OutboxWorld) => w.sb.state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Contacts')).length;
const snapshot = (w: OutboxWorld) => Array.from({ length: N }, (_, i) => pick(sandboxContact(w.sb, i)));
const pushed = () => Array.from({ length: N }, (_, i) => planned(i));
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\r/g, '').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, ''); // the terminal's escapes
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function world(): Promise<{ w: OutboxWorld; env: NodeJS.ProcessEnv }> {
  const w = await outboxWorld({ n: N, fileSecrets: true });
  w.ws.close(); // the command opens the workspace itself
  return { w, env: { RECONCILER_CONFIG_DIR: join(w.dir, 'config'), RECONCILER_XERO_URL: w.sb.url } };
}

/** `reconciler <args>` on a pseudo-terminal: waits for the question, types the answer, returns what the terminal showed. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv, answer: string): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, join(ROOT, 'bin/reconciler.js'), ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, ...env } });
  let screen = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    screen += d;
    if (!typed && screen.includes('[y/N]')) {
      typed = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, screen: plain(screen) })));
}

const pushOnTerminal = (path: string, env: NodeJS.ProcessEnv, answer: string) => onTerminal(['push', '--workspace', path], env, answer);

describe('reconciler push asks first', () => {
  it('without a terminal: refuses unless --yes, and writes nothing; on a terminal: "n" writes nothing', async () => {
    const { w, env } = await world();
    const before = snapshot(w);
    const requests = posts(w);

    const refused = await runCliAsync(['push', '--workspace', w.path], env);
    expect(refused.code).toBe(EXIT.notConfirmed);
    expect(refused.stdout).toContain(
      'plan: 3 changes to 3 Xero contacts in Demo Company (AU) (sandbox Xero)\n  1 contact renamed · 1 AccountNumber set · 1 contact restored\n',
    );
    expect(refused.stderr).toContain(
      'not pushed: this would write 3 changes to Demo Company (AU) (sandbox Xero), and there is no terminal to ask. Run it again with --yes',
    );

    const declined = await pushOnTerminal(w.path, env, 'n');
    expect(declined.code).toBe(EXIT.notConfirmed);
    expect(declined.screen).toContain('1 contact renamed · 1 AccountNumber set · 1 contact restored');
    expect(declined.screen).toContain('Demo Company (AU) is a sandbox Xero (a stand-in for practice), not a real organisation.');
    expect(declined.screen).toContain('Write 3 changes to Demo Company (AU)? [y/N] ');
    expect(declined.screen).toContain('not pushed: nothing was written to Xero.');
    expect(posts(w)).toBe(requests);
    expect(snapshot(w)).toEqual(before);

    const yes = await runCliAsync(['push', '--workspace', w.path, '--yes'], env);
    expect(yes.stderr).not.toContain('[y/N]');
    expect(yes.code).toBe(EXIT.ok);
    expect(yes.stdout).toMatch(/pushed: 3 done/);
    // The account whose code was missing passed before the push: fixed counts only the two that failed.
    expect(yes.stdout).toContain('checked: 2 fixed, none still failing\n');
    expect(snapshot(w)).toEqual(pushed());

    // Undoing a pushed correction reopens its decision, and says so.
    const ws = openWorkspace(w.path);
    const rename = ws.outbox.list().find((c) => c.target === 'xero' && c.kind === 'rename')!;
    ws.close();
    const undo = await runCliAsync(['undo', '--workspace', w.path, String(rename.id), '--yes'], env);
    expect(undo.code).toBe(EXIT.ok);
    expect(undo.stdout).toContain(`undone 1 of 1\nreopened the decision on ${rename.accountCode}: decide again\n`);
  }, 120_000);

  it('on a terminal: "y" pushes', async () => {
    const { w, env } = await world();
    const before = snapshot(w);
    expect(before).not.toEqual(pushed());
    const confirmed = await pushOnTerminal(w.path, env, 'y');
    expect(confirmed.screen).toContain('Write 3 changes to Demo Company (AU)? [y/N] y');
    expect(confirmed.screen).toMatch(/pushed: 3 done/);
    expect(confirmed.code).toBe(EXIT.ok);
    expect(snapshot(w)).toEqual(pushed());
  }, 120_000);
});

describe('reconciler undo asks first', () => {
  /** A world whose three corrections were pushed, and the pushed rename (its id, account and the names it wrote). */
  async function pushedWorld() {
    const { w, env } = await world();
    expect((await runCliAsync(['push', '--workspace', w.path, '--yes'], env)).code).toBe(EXIT.ok);
    const ws = openWorkspace(w.path);
    const xero = ws.outbox.list().filter((c) => c.target === 'xero');
    ws.close();
    const rename = xero.find((c) => c.kind === 'rename')!;
    const other = xero.find((c) => c.kind !== 'rename' && c.status === 'done')!;
    return { w, env, rename, other };
  }

  it('without a terminal: refuses unless --yes, and writes nothing; on a terminal: "n" writes nothing, "y" undoes', async () => {
    const { w, env, rename, other } = await pushedWorld();
    const before = snapshot(w);
    const requests = posts(w);
    const name = rename.changes.find((e) => e.field === 'Name')!;
    const id = String(rename.id);

    const refused = await runCliAsync(['undo', '--workspace', w.path, id], env);
    expect(refused.code).toBe(EXIT.notConfirmed);
    expect(refused.stdout).toContain(
      `undo: 1 change to 1 Xero contact in Demo Company (AU) (sandbox Xero)\n  #${id} ${rename.accountCode}: Name "${name.to}" → "${name.from}"\n`,
    );
    expect(refused.stderr).toContain(
      'not undone: this would write 1 change to Demo Company (AU) (sandbox Xero), and there is no terminal to ask. Run it again with --yes',
    );
    expect(refused.stdout).not.toContain('undone 1 of 1');

    const declined = await onTerminal(['undo', '--workspace', w.path, id], env, 'n');
    expect(declined.code).toBe(EXIT.notConfirmed);
    expect(declined.screen).toContain('Demo Company (AU) is a sandbox Xero (a stand-in for practice), not a real organisation.');
    expect(declined.screen).toContain('Undo 1 change in Demo Company (AU)? [y/N] ');
    expect(declined.screen).toContain('not undone: nothing was written to Xero.');
    expect(posts(w)).toBe(requests);
    expect(snapshot(w)).toEqual(before);

    const confirmed = await onTerminal(['undo', '--workspace', w.path, id], env, 'y');
    expect(confirmed.screen).toContain('Undo 1 change in Demo Company (AU)? [y/N] y');
    expect(confirmed.screen).toContain(`undone 1 of 1`);
    expect(confirmed.code).toBe(EXIT.ok);
    expect(pick(sandboxContact(w.sb, rename.subject)).Name).toBe(name.from);

    // --yes: no question. Undoing it again: nothing to write, so nothing is asked and the refusal is said.
    const yes = await runCliAsync(['undo', '--workspace', w.path, String(other.id), '--yes'], env);
    expect(yes.stderr).not.toContain('[y/N]');
    expect(yes.code).toBe(EXIT.ok);
    expect(yes.stdout).toContain('undone 1 of 1');
    const again = await runCliAsync(['undo', '--workspace', w.path, id], env);
    expect(again.stdout).toContain('undo: 0 changes to 0 Xero contacts');
    expect(again.stderr).toContain(`#${id} not undone: It is already undone.`);
    expect(again.stderr).not.toContain('no terminal to ask');
    expect(again.code).toBe(EXIT.xero);
  }, 120_000);
});
