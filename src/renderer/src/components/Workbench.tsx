// The review screen: dashboard, filters, the table and the detail pane, with the keyboard map and decisions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import type { FindingKind } from '../../../shared/domain';
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { DecisionAction, FindingDetail, WorkspaceInfo } from '../../../shared/review';
import { undoOfDecision } from '../../../shared/undo-summary';
import { useApi, useApiEvent } from '../api/context';
import { useAccountRoute } from '../hooks/useAccountRoute';
import { useDetail } from '../hooks/useDetail';
import { useKeyboard } from '../hooks/useKeyboard';
import { useReviewData } from '../hooks/useReviewData';
import { useReviewSearch } from '../hooks/useReviewSearch';
import { errorMessage } from '../lib/file-content';
import { count } from '../lib/format';
import type { KeyCommand } from '../lib/keyboard';
import {
  ALL_ROWS,
  countAttention,
  searchCounts,
  sortOrder,
  visibleRows,
  type ReviewFilter,
  type Sort,
  type SortKey,
} from '../lib/review-view';
import { AcceptDialog } from './AcceptDialog';
import { BulkDialog, type BulkScope } from './BulkDialog';
import { Dashboard } from './Dashboard';
import { DetailPane } from './DetailPane';
import { EmptyState } from './EmptyState';
import { ExportDialog } from './ExportDialog';
import { ErrorMessage } from './ErrorMessage';
import { FilterBar } from './FilterBar';
import { FreshnessBanner } from './FreshnessBanner';
import { HelpDialog } from './HelpDialog';
import { IgnoreDialog } from './IgnoreDialog';
import { ImportDialog } from './ImportDialog';
import { ReviewTable } from './ReviewTable';
import { ScreenHeader } from './ScreenHeader';
import { SearchSummary } from './SearchSummary';
import { Toast, type ToastMessage } from './Toast';
import { UndoConfirmDialog } from './UndoConfirmDialog';

type DialogState =
  | { kind: 'accept' }
  | { kind: 'ignore' }
  | { kind: 'bulk'; codes: string[]; scope: BulkScope }
  | { kind: 'help' }
  | { kind: 'import' }
  | { kind: 'export'; codes: string[] }
  | { kind: 'undoInXero'; detail: FindingDetail; ids: number[] }
  | null;

/** The order without a search, until a column is chosen. */
const DEFAULT_SORT: Sort = { key: 'kind', descending: false };

export function Workbench({ info, workspace }: { info: AppInfo; workspace: WorkspaceInfo }) {
  const api = useApi();
  const data = useReviewData();
  const { rows, version } = data;
  const [filter, setFilter] = useState<ReviewFilter>(ALL_ROWS);
  // The column sort the bookkeeper chose (null: none, so a search lists by relevance).
  const [chosenSort, setChosenSort] = useState<Sort | null>(null);
  const [query, setQuery] = useState('');
  // The selection is an account code: it survives the switch from the first rows to the whole table.
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLElement>(null);
  const search = useReviewSearch(rows, version, data.complete);
  // Codes keep their positions between full loads (decisions patch rows in place): keyed on the load, not on `rows`.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.code, i])), [version]);
  const selected = selectedCode === null ? null : (indexOf.get(selectedCode) ?? null);
  const setSelected = useCallback((i: number) => setSelectedCode(rows[i]?.code ?? null), [rows]);

  // Sort order and search hits depend on names and scores, which decisions never change: keyed on the load (and on
  // the index becoming ready), not on `rows` or the `search` object that each render makes anew.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const hits = useMemo(() => search.search(query), [version, query, search.ready]);
  const byRelevance = hits !== null && chosenSort === null;
  const sort = chosenSort ?? DEFAULT_SORT;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the load, as `hits` above
  const order = useMemo(() => sortOrder(rows, sort), [version, sort]);
  const visible = useMemo(() => visibleRows(rows, order, filter, hits, byRelevance), [rows, order, filter, hits, byRelevance]);
  const counts = useMemo(() => (hits ? searchCounts(visible, hits) : null), [visible, hits]);

  // A new search answer is read from its top: the best match is selected (and scrolled to). Only a new answer moves
  // the selection: a filter change or a decision (new `visible`) keeps it where it is.
  useEffect(() => {
    if (hits && visible.length > 0) setSelected(visible[0]!);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits]);
  const attention = useMemo(() => countAttention(rows), [rows]);

  // Keep a visible row selected: the first one after a filter change that hid the selection.
  useEffect(() => {
    if (visible.length === 0) setSelectedCode(null);
    else if (selected === null || !visible.includes(selected)) setSelected(visible[0]!);
  }, [visible, selected, setSelected]);

  const selectedRow = selected === null ? null : (rows[selected] ?? null);
  const detail = useDetail(selectedRow?.code ?? null, data.version);

  const say = useCallback((text: string, tone: ToastMessage['tone'] = 'info', undo?: ToastMessage['undo']) => {
    setToast({ id: Date.now(), text, tone, undo });
  }, []);

  // A link to an account ("#account/CODE", e.g. from an exception): shown with no search or filter hiding it, and
  // opened in the detail pane, once its row is loaded (the first quick answer may not hold it).
  const { code: routeCode, done: routeDone } = useAccountRoute();
  useEffect(() => {
    const code = routeCode;
    if (code === null || data.loading) return;
    if (!indexOf.has(code)) {
      if (!data.complete) return;
      say(`There is no billing account ${code} in this workspace.`, 'error');
    } else {
      setFilter(ALL_ROWS);
      setQuery('');
      setChosenSort(null);
      setSelectedCode(code);
      requestAnimationFrame(() => detailRef.current?.focus());
    }
    routeDone();
  }, [routeCode, routeDone, indexOf, say, data.complete, data.loading]);
  // The bulk apply that `u` undoes whole: set by a bulk accept, dropped by the next move or decision.
  const [lastBulk, setLastBulk] = useState<{ batchId: number; applied: number } | null>(null);

  const undo = useCallback(
    async (code: string) => {
      setLastBulk(null);
      try {
        const r = await api.decisions.undo({ accountCode: code });
        data.patch([r.row]);
        detail.refresh();
        say(r.undone ? `${code}: undone (${ACTION_LABELS[r.undone.action]})` : `${code}: nothing to undo`);
      } catch (e) {
        say(errorMessage(e), 'error');
      }
    },
    [api, data, detail, say],
  );

  const undoBulk = useCallback(
    async (batchId: number, applied: number) => {
      setLastBulk(null);
      try {
        const r = await api.decisions.undoBatch({ batchId });
        data.patch(r.rows);
        detail.refresh();
        const pushed =
          r.pushed > 0
            ? ` ${count(r.pushed, 'of them was', 'of them were')} already pushed: Xero keeps those changes until you undo them on the Push screen.`
            : '';
        say(
          r.undone > 0
            ? `Bulk accept undone: ${count(r.undone, 'decision')}.${pushed}`
            : `Nothing left to undo of that bulk accept (${count(applied, 'decision')}).`,
        );
      } catch (e) {
        say(errorMessage(e), 'error');
      }
    },
    [api, data, detail, say],
  );

  // The pushed change of a decision that did not work, written back in Xero: the decision is reopened.
  const undoInXero = useCallback(
    async (code: string, ids: number[]) => {
      setLastBulk(null);
      say(`${code}: undoing in Xero…`);
      try {
        const r = await api.outbox.undo({ ids });
        detail.refresh();
        if (r.undone > 0) say(`${code}: undone in Xero${r.reopened.includes(code) ? '; the decision is reopened (undecided)' : ''}.`);
        else say(`${code}: not undone: ${r.refused[0]?.reason ?? r.items.find((i) => i.message)?.message ?? 'Xero refused it.'}`, 'error');
      } catch (e) {
        say(errorMessage(e), 'error');
      }
    },
    [api, detail, say],
  );

  const decide = useCallback(
    async (code: string, action: DecisionAction, extra: { note?: string; xeroContactId?: string; confirmNameLoss?: boolean } = {}) => {
      setLastBulk(null);
      try {
        const r = await api.decisions.apply({ accountCode: code, action, ...extra });
        data.patch([r.row]);
        detail.refresh();
        // A fix that would not make the account pass is recorded, but said so (with undo at hand).
        if (r.warning) say(`${code}: ${ACTION_LABELS[action]}. ${r.warning}`, 'error', { label: 'Undo', run: () => void undo(code) });
        else say(`${code}: ${ACTION_LABELS[action]}`, 'info', { label: 'Undo', run: () => void undo(code) });
      } catch (e) {
        say(errorMessage(e), 'error');
      }
    },
    [api, data, detail, say, undo],
  );

  const select = (i: number) => {
    setLastBulk(null);
    setSelected(i);
  };

  const move = (delta: number | 'first' | 'last') => {
    setLastBulk(null);
    if (visible.length === 0) return;
    const at = selected === null ? -1 : visible.indexOf(selected);
    const next = delta === 'first' ? 0 : delta === 'last' ? visible.length - 1 : Math.min(visible.length - 1, Math.max(0, at + delta));
    setSelected(visible[next]!);
  };

  const openAccept = async () => {
    if (!selectedRow) return;
    const d = detail.detail ?? (await detail.load(selectedRow.code).catch(() => null));
    if (!d) return;
    if (d.actions.length === 0)
      say(`${selectedRow.code}: nothing to accept — link a Xero contact by hand in the detail pane, or ignore it.`);
    else setDialog({ kind: 'accept' });
  };

  const run = (command: KeyCommand): boolean | void => {
    if (dialog) return false;
    switch (command) {
      case 'next':
        return move(1);
      case 'previous':
        return move(-1);
      case 'first':
        return move('first');
      case 'last':
        return move('last');
      case 'open':
        return detailRef.current?.focus();
      case 'accept':
        return void openAccept();
      case 'ignore':
        return selectedRow ? setDialog({ kind: 'ignore' }) : undefined;
      case 'undo':
        // Right after a bulk accept, u undoes all of it (as its toast's button does); else the selected account.
        if (lastBulk) return void undoBulk(lastBulk.batchId, lastBulk.applied);
        return selectedRow ? void undo(selectedRow.code) : undefined;
      case 'search':
        return searchRef.current?.focus();
      case 'help':
        return setDialog({ kind: 'help' });
      case 'bulk':
        return openBulk();
      case 'escape': {
        // Leave a filter field so the review keys work again.
        const active = document.activeElement as HTMLElement | null;
        if (active && active !== document.body && active.closest('.filter-bar, .link-search')) active.blur();
        return false;
      }
    }
  };
  useKeyboard(run);

  const openBulk = () => {
    if (!data.complete || visible.length === 0) return;
    setDialog({ kind: 'bulk', codes: visible.map((i) => rows[i]!.code), scope: { query: hits ? query.trim() : null, counts } });
  };

  const openExport = () => {
    if (data.complete && visible.length > 0) setDialog({ kind: 'export', codes: visible.map((i) => rows[i]!.code) });
  };

  useApiEvent('menu.command', (e) => {
    if (e.command === 'search') searchRef.current?.focus();
    else if (e.command === 'help') setDialog({ kind: 'help' });
    else if (e.command === 'import') setDialog({ kind: 'import' });
    else if (e.command === 'next') move(1);
    else if (e.command === 'previous') move(-1);
    else if (e.command === 'close-workspace') void api.workspace.close();
  });

  const toggleKind = (kind: FindingKind) => setFilter((f) => ({ ...f, kinds: f.kinds.length === 1 && f.kinds[0] === kind ? [] : [kind] }));
  const onSort = (key: SortKey) => {
    const shown = byRelevance ? null : sort;
    setChosenSort({ key, descending: shown?.key === key ? !shown.descending : key === 'score' });
  };

  return (
    <div className="workbench">
      <ScreenHeader workspace={workspace} current="#">
        <button type="button" onClick={() => setDialog({ kind: 'import' })}>
          Import…
        </button>
        <button
          type="button"
          onClick={() => setDialog({ kind: 'help' })}
          aria-label="Help: keys and findings (?)"
          title="Help: keys and findings (?)"
        >
          ?
        </button>
        <button type="button" onClick={() => void api.workspace.close()}>
          Close
        </button>
      </ScreenHeader>
      {data.status && (
        <Dashboard
          status={data.status}
          info={info}
          activeKinds={filter.kinds}
          onKind={toggleKind}
          onAttention={() => setFilter({ ...ALL_ROWS, decided: 'attention' })}
        />
      )}
      {data.status && <FreshnessBanner status={data.status} />}
      <FilterBar
        ref={searchRef}
        query={query}
        onQuery={setQuery}
        filter={filter}
        onFilter={setFilter}
        shown={visible.length}
        total={data.total}
        attention={attention}
        loading={!data.complete}
        onBulk={openBulk}
        onExport={openExport}
      />
      <div className="review">
        <div className="review-main">
          {hits && counts && (
            <SearchSummary query={query} counts={counts} sort={byRelevance ? null : sort} onRelevance={() => setChosenSort(null)} />
          )}
          {data.error ? (
            <ErrorMessage message={data.error} onRetry={data.reload} title="The accounts could not be loaded" />
          ) : data.loading && rows.length === 0 ? (
            <div className="loading" role="status">
              Loading accounts…
            </div>
          ) : rows.length === 0 ? (
            <EmptyState title="No billing accounts yet">Import a CocoonOPS billing-account export (Import…).</EmptyState>
          ) : visible.length === 0 ? (
            <EmptyState title="No account matches">
              <button type="button" className="link-button" onClick={() => (setFilter(ALL_ROWS), setQuery(''))}>
                Clear the search and filters
              </button>
            </EmptyState>
          ) : (
            <ReviewTable
              rows={rows}
              visible={visible}
              selected={selected}
              onSelect={select}
              onOpen={(i) => (select(i), detailRef.current?.focus())}
              sort={byRelevance ? null : sort}
              onSort={onSort}
              xeroTrust={data.xeroTrust}
              query={query}
              searchReady={search.ready}
            />
          )}
        </div>
        <DetailPane
          ref={detailRef}
          state={detail}
          hasSelection={selectedRow !== null}
          onAccept={() => void openAccept()}
          onIgnore={() => setDialog({ kind: 'ignore' })}
          onUndo={() => selectedRow && void undo(selectedRow.code)}
          onUndoInXero={(ids) => detail.detail && setDialog({ kind: 'undoInXero', detail: detail.detail, ids })}
          onLink={(contactId, name) =>
            selectedRow && void decide(selectedRow.code, 'link', { xeroContactId: contactId, note: `linked to ${name}` })
          }
        />
      </div>
      {dialog?.kind === 'accept' && detail.detail && (
        <AcceptDialog
          detail={detail.detail}
          onClose={() => setDialog(null)}
          onChoose={(action, confirmNameLoss) => {
            setDialog(null);
            void decide(detail.detail!.row.code, action, confirmNameLoss ? { confirmNameLoss } : {});
          }}
        />
      )}
      {dialog?.kind === 'ignore' && selectedRow && (
        <IgnoreDialog
          code={selectedRow.code}
          onClose={() => setDialog(null)}
          onIgnore={(note) => {
            setDialog(null);
            void decide(selectedRow.code, 'ignore', { note });
          }}
        />
      )}
      {dialog?.kind === 'bulk' && (
        <BulkDialog
          codes={dialog.codes}
          scope={dialog.scope}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            data.patchDecisions(r.decisions);
            detail.refresh();
            const batch = r.batchId;
            setLastBulk(batch === null ? null : { batchId: batch, applied: r.applied });
            say(
              `Accepted ${r.applied.toLocaleString()} suggestions`,
              'info',
              batch === null
                ? undefined
                : { label: `Undo bulk accept (${count(r.applied, 'decision')})`, run: () => void undoBulk(batch, r.applied) },
            );
          }}
        />
      )}
      {dialog?.kind === 'undoInXero' && (
        <UndoConfirmDialog
          summary={undoOfDecision(
            `${dialog.detail.account.code} ${dialog.detail.account.name}`,
            dialog.detail.undoable,
            (id) => [dialog.detail.contact, dialog.detail.codeHolder].find((c) => c?.contactId.toLowerCase() === id.toLowerCase())?.name,
            data.status?.xeroConnection ?? null,
          )}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void undoInXero(dialog.detail.account.code, dialog.ids);
          }}
        />
      )}
      {dialog?.kind === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'export' && (
        <ExportDialog
          title="Export the review"
          request={(format) => ({ table: 'review', format, accountCodes: dialog.codes })}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            say(message);
          }}
        >
          {dialog.codes.length === data.total
            ? `All ${count(dialog.codes.length, 'account')}`
            : `The ${count(dialog.codes.length, 'account')} shown (of ${data.total.toLocaleString()})`}
          , in the order shown, with the finding, its reason, the Xero contact beside it and the decision.
        </ExportDialog>
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          onClose={() => setDialog(null)}
          onImported={(message) => {
            setDialog(null);
            say(message);
          }}
        />
      )}
      <Toast message={toast} onDismiss={() => setToast(null)} />
    </div>
  );
}
