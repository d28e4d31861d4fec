// Pushes that were interrupted, then resumed while Xero moved on: a request of the killed push that lands late must
// not overwrite an edit or write a contact twice, and the checks of the resumed push judge what Xero holds after
// the interrupted batch (issue 17, items 3 and 4). Real CLI in a child process, real stand-in on loopback.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan, pushOutbox, undoCorrections } from '../../src/main/outbox';
import { applyDecision } from '../../src/main/review/decide';
import { recomputeFindings } from '../../src/main/findings/recompute';
import { finished, startCli } from '../support/cli-async';
import {
  accountName,
  billingAccount,
  codeOf,
  contactId,
  countWrites,
  importAccounts,
  outboxWorld,
  planned,
  sandboxContact,
  TENANT,
} from '../support/outbox-setup';

const pick = (c: Record<string, unknown>) => ({ Name: c.Name, AccountNumber: c.AccountNumber || '', ContactStatus: c.ContactStatus });

async function until(pred: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('an interrupted push, resumed', () => {
  it(
    'a late request of a killed push neither overwrites an edit made meanwhile nor writes any contact twice',
    { timeout: 120_000 },
    async () => {
      const N = 150;
      // Xero's key lifetime (6 minutes) in this world's time, which runs 60× faster: keep it longer than the hold below.
      const w = await outboxWorld({ n: N, fileSecrets: true, sandboxLimits: { idempotencyTtlMs: 60 * 60_000 } });
      const { sb } = w;
      w.ws.close();
      const env = { RECONCILER_CONFIG_DIR: join(w.dir, 'config'), RECONCILER_XERO_URL: sb.url };
      const push = () =>
        startCli(
          ['push', '--workspace', w.path, '--yes', '--batch-size', '50', '--time-scale', String(w.scale), '--epoch', String(w.epoch)],
          env,
        );

      // The first POST is held on its way for 20 s (longer than a busy machine takes to run the next push); the push is
      // killed while it waits for the answer.
      let held = false;
      let landed = false;
      const take = sb.state.faults.take.bind(sb.state.faults);
      sb.state.faults.take = (method, path, tenantId) => {
        const f = take(method, path, tenantId);
        if (f?.kind === 'delay') {
          held = true;
          setTimeout(() => (landed = true), (f.delayMs ?? 0) + 300);
        }
        return f;
      };
      await sb.admin('POST', '/faults', { kind: 'delay', delayMs: 20_000, count: 1, method: 'POST', path: '/Contacts' });
      const counter = countWrites(sb);
      const first = push();
      await until(() => held);
      await new Promise((r) => setTimeout(r, 100));
      first.kill('SIGKILL');
      await finished(first);

      // Someone edits one contact of that batch in Xero, and the push is run again at once.
      await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(0)}`, { Name: 'Edited In Xero Ltd' });
      const second = await finished(push());
      expect(second.code, second.stderr).toBe(0);
      expect(landed).toBe(false); // the resumed push finished before the held request was handled
      await until(() => landed);

      // The edit stands; every other contact was written once; the late request wrote nothing.
      expect(sandboxContact(sb, 0)).toMatchObject({ Name: 'Edited In Xero Ltd' });
      for (let i = 1; i < N; i++) {
        expect(pick(sandboxContact(sb, i))).toEqual(planned(i));
        expect(counter.counts.get(contactId(i)), `contact ${i}`).toBe(1);
      }
      counter.stop();

      const { openWorkspace } = await import('../../src/main/db');
      const ws = openWorkspace(w.path);
      try {
        const xero = ws.outbox.list().filter((c) => c.target === 'xero');
        const mine = xero.find((c) => c.subject === contactId(0))!;
        expect(mine).toMatchObject({ status: 'conflict', message: expect.stringMatching(/Changed in Xero since it was reviewed/) });
        expect(mine.current?.Name).toBe('Edited In Xero Ltd');
        const done = xero.filter((c) => c.status === 'done');
        expect(done).toHaveLength(N - 1);
        // nothing wrote them after the push: each after-image is Xero's current contact, so an undo goes through
        for (const c of done) expect(c.after?.UpdatedDateUTC).toBe(sandboxContact(sb, c.subject).UpdatedDateUTC);
        const session = (await import('../../src/main/xero')).openXeroSession(ws, { standIn: sb.url, secrets: w.secrets, clock: w.clock });
        const undo = await undoCorrections(
          ws,
          session.client,
          done.slice(0, 3).map((c) => c.id),
        );
        expect(undo).toMatchObject({ undone: 3, failed: 0, conflicts: 0, refused: [] });
        expect(ws.outbox.batches('sending')).toEqual([]);
      } finally {
        ws.close();
      }
    },
  );

  it('a batch that landed before an edit: the resumed push settles it by reading back and writes nothing', async () => {
    const w = await outboxWorld({ n: 4 });
    const { ws, sb } = w;
    await sb.admin('POST', '/faults', { kind: 'cut', method: 'POST', path: '/Contacts', count: 50 });
    await expect(pushOutbox(ws, w.session.client)).rejects.toThrow(/could not reach Xero or the answer broke off/);
    await sb.admin('DELETE', '/faults');
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(0)}`, { Name: 'Edited In Xero Ltd' });
    const counter = countWrites(sb);
    const resumed = await pushOutbox(ws, w.session.client);
    // The take-over request (contact 0 as it is, under the batch's key) is refused: that key was used, so nothing
    // is written, and every correction is settled by what Xero holds.
    expect(resumed).toMatchObject({ done: 3, conflicts: 1, resumed: 4, failed: 0 });
    expect(counter.counts.size).toBe(0);
    expect(sandboxContact(sb, 0)).toMatchObject({ Name: 'Edited In Xero Ltd' });
    expect(ws.outbox.batches('recovered')).toHaveLength(1);
    counter.stop();
  });

  it('checks a resumed push against what the interrupted one wrote, before it was read back', async () => {
    // Contact 3 is nobody's yet; contact 0 is renamed to "Harbour 0 Freight Pty Ltd" by the first push.
    const w = await outboxWorld({ n: 3, bystanders: 1 });
    const { ws, sb } = w;
    // The first push writes, then cannot read the contacts back (Xero fails every read from then on).
    await expect(
      pushOutbox(ws, w.session.client, {
        onProgress: (p) => {
          if (p.phase === 'resync') sb.state.faults.add({ kind: 'status', status: 500, method: 'GET', path: '/Contacts', count: 100 });
        },
      }),
    ).rejects.toThrow(/500/);
    await sb.admin('DELETE', '/faults');
    expect(pick(sandboxContact(sb, 0))).toEqual(planned(0));
    expect(ws.contacts.get(contactId(0))!.name).toBe('Harbour 0 Freight Ltd'); // not read back

    // A new billing account holds contact 3's code under contact 0's new name: renaming 3 to it is the suggestion.
    importAccounts(ws, [...[0, 1, 2].map((i) => billingAccount(i, i + 1)), { ...billingAccount(3, 4), name: accountName(0) }]);
    recomputeFindings(ws);
    applyDecision(ws, { accountCode: codeOf(3), action: 'rename_in_xero' });

    const plan = buildPlan(ws, new Date().toISOString());
    const rename = plan.items.find((p) => p.contactId === contactId(3))!;
    expect(rename.changes).toEqual([expect.objectContaining({ field: 'Name', to: accountName(0) })]);
    expect(rename.blocked).toMatch(/already used by the active contact/);

    const counter = countWrites(sb);
    const result = await pushOutbox(ws, w.session.client);
    expect(result).toMatchObject({ blocked: 1, failed: 0, done: 0 });
    expect(counter.counts.size).toBe(0);
    expect(sandboxContact(sb, 3)).toMatchObject({ Name: 'Harbour 3 Freight Ltd' });
    expect(ws.contacts.get(contactId(0))!.name).toBe(accountName(0)); // read back first
    counter.stop();
  });

  it(
    'Ctrl-C stops a push with its own summary (no error), and an undo stopped before it was sent is finished by push',
    { timeout: 120_000 },
    async () => {
      const w = await outboxWorld({ n: 40, fileSecrets: true });
      const { sb } = w;
      w.ws.close();
      const env = { RECONCILER_CONFIG_DIR: join(w.dir, 'config'), RECONCILER_XERO_URL: sb.url };
      const cli = (...args: string[]) =>
        startCli([...args, '--workspace', w.path, '--time-scale', String(w.scale), '--epoch', String(w.epoch)], env);
      await sb.admin('POST', '/faults', { kind: 'delay', delayMs: 400, count: 1000, method: 'GET', path: '/Contacts' });
      const counter = countWrites(sb);
      const pushing = cli('push', '--yes', '--batch-size', '5');
      await until(() => counter.counts.size >= 5);
      pushing.kill('SIGINT');
      const stopped = await finished(pushing);
      expect(stopped.code, `${stopped.signal} ${stopped.stderr} ${stopped.stdout}`).toBe(130);
      expect(stopped.stdout).toMatch(/pushed: \d+ done, .*\nstopped: the rest stays queued; push again to continue\./);
      expect(stopped.stderr).not.toMatch(/error|failed/i);

      const { openWorkspace } = await import('../../src/main/db');
      let ws = openWorkspace(w.path);
      const runs = ws.audit.list({ limit: 1000 }).filter((e) => e.action === 'outbox.push.run');
      expect(runs.at(-1) ?? runs[0]).toMatchObject({ result: 'cancelled' });
      const pushed = ws.outbox.list({ status: 'done' }).filter((c) => c.target === 'xero')[0]!;
      expect(ws.outbox.list({ status: 'queued' }).filter((c) => c.target === 'xero').length).toBeGreaterThan(0);
      ws.close();

      // An undo stopped while it re-reads the contact (nothing sent): push finishes it.
      let reading = false;
      const take = sb.state.faults.take.bind(sb.state.faults);
      sb.state.faults.take = (method, path, tenantId) => (
        (reading ||= method === 'GET' && path.endsWith('/Contacts')),
        take(method, path, tenantId)
      );
      const undoing = cli('undo', String(pushed.id), '--yes');
      await until(() => reading); // the undo waits on its slow read
      undoing.kill('SIGINT');
      const undoStopped = await finished(undoing);
      expect(undoStopped.code, `${undoStopped.signal} ${undoStopped.stderr} ${undoStopped.stdout}`).toBe(130);
      expect(undoStopped.stderr).toMatch(/stopped: 1 undo not finished; `reconciler push --workspace .*` finishes it/);
      await sb.admin('DELETE', '/faults');
      const rest = await finished(cli('push', '--yes'));
      expect(rest.code, rest.stderr).toBe(0);
      ws = openWorkspace(w.path);
      try {
        expect(ws.outbox.get(pushed.id)).toMatchObject({ status: 'undone' });
        expect(ws.outbox.list().filter((c) => c.target === 'xero' && ['queued', 'sending'].includes(c.status))).toEqual([]);
      } finally {
        ws.close();
      }
      counter.stop();
    },
  );
});
