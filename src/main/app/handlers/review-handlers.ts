// findings.*, contacts.search and decisions.*: the review table, the detail pane and the decisions.
import { runsOffThread } from '../../threads/outbox-thread';
import { applyBulk, applyDecision, previewBulk, undoBatch, undoDecision } from '../../review/decide';
import { findingDetail } from '../../review/detail';
import { xeroFreshness } from '../../review/freshness';
import { firstRows, reviewTable, withDecisions } from '../../review/rows';
import { AppError } from '../../../shared/app-error';
import { recomputeAndAnnounce, type AppContext, type HandlerGroup } from './context';

export function reviewHandlers(
  ctx: AppContext,
): HandlerGroup<
  | 'findings.list'
  | 'findings.detail'
  | 'findings.recompute'
  | 'findings.cancelRecompute'
  | 'contacts.search'
  | 'decisions.apply'
  | 'decisions.undo'
  | 'decisions.bulkPreview'
  | 'decisions.bulkApply'
  | 'decisions.undoBatch'
> {
  const ws = () => ctx.session.require().ws;
  const decided = () => ctx.events.emit('workspace.changed', { reason: 'decided', workspace: ctx.session.info() });
  return {
    'findings.list': async ({ limit }) => {
      const w = ws();
      const table = ctx.session.cached('review-table', () => reviewTable(w));
      const shown =
        limit !== undefined && limit < table.code.length
          ? ctx.session.cached(`review-first-${limit}`, () => firstRows(table, limit))
          : table;
      return {
        columns: withDecisions(w, shown),
        total: table.code.length,
        xeroTrust: xeroFreshness(w).trust,
        computedAt: w.findings.computedAt() ?? null,
      };
    },
    'findings.detail': async ({ accountCode }) => findingDetail(ws(), accountCode),
    'findings.recompute': async () => {
      if (!(await recomputeAndAnnounce(ctx, ws(), 'matched')))
        throw new AppError('cancelled', 'Matching was cancelled: the findings are those of the previous run.');
      return null;
    },
    'findings.cancelRecompute': async () => ({ cancelled: ctx.matching.cancel() }),
    'contacts.search': async ({ query, limit }) => ctx.session.contactSearch().search(query, limit),
    'decisions.apply': async (input) => {
      const result = applyDecision(ws(), input);
      decided();
      return result;
    },
    'decisions.undo': async ({ accountCode }) => {
      const result = undoDecision(ws(), accountCode);
      decided();
      return result;
    },
    'decisions.bulkPreview': async (input) => {
      const w = ws();
      const task = { kind: 'bulkPreview', request: input } as const;
      // Planning thousands of accounts takes longer than the window may wait: on the worker, whose apply then takes it.
      return runsOffThread(w, task, ctx.config.workerFrom)
        ? await ctx.offThread.run(
            w,
            task,
            new Date().toISOString(),
            `Checking the suggestions of ${input.accountCodes.length.toLocaleString('en')} accounts…`,
          )
        : previewBulk(w, input);
    },
    'decisions.bulkApply': async (input) => {
      const w = ws();
      const task = { kind: 'bulkApply', request: input } as const;
      // Thousands of accounts are decided on a worker, so the window keeps answering meanwhile.
      const result = runsOffThread(w, task, ctx.config.workerFrom)
        ? await ctx.offThread.run(
            w,
            task,
            new Date().toISOString(),
            `Accepting the suggestions of ${input.accountCodes.length.toLocaleString('en')} accounts…`,
          )
        : applyBulk(w, input);
      decided();
      return result;
    },
    'decisions.undoBatch': async ({ batchId }) => {
      const result = undoBatch(ws(), batchId);
      decided();
      return result;
    },
  };
}
