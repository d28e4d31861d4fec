// The Exceptions screen: CocoonOPS sync exceptions imported or pasted, each with its playbook, the
// invoice-number verdict and the billing account's finding; filters, resolve / reopen and the CocoonOPS steps.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChecklistStep, PlaybookId, Verdict } from '../../../shared/exceptions';
import type { WorkspaceInfo } from '../../../shared/review';
import { useApi, useApiEvent } from '../api/context';
import { useExceptionsRoute } from '../hooks/useExceptionsRoute';
import { useLoad } from '../hooks/useLoad';
import { errorMessage } from '../lib/file-content';
import { VERDICT_LABELS } from './ExceptionBadges';
import { ExceptionDetailPane } from './ExceptionDetailPane';
import { ExceptionImportDialog } from './ExceptionImportDialog';
import { ExceptionsChecklist } from './ExceptionsChecklist';
import { ExceptionsTable } from './ExceptionsTable';
import { EmptyState } from './EmptyState';
import { ExportDialog } from './ExportDialog';
import { ErrorMessage } from './ErrorMessage';
import { PasteException } from './PasteException';
import { ScreenHeader } from './ScreenHeader';
import { Toast, type ToastMessage } from './Toast';
import '../exceptions.css';

type Show = 'open' | 'resolved' | 'all';

interface Filter {
  playbook: PlaybookId | '';
  verdict: Verdict | '';
  show: Show;
}

const VERDICTS = Object.keys(VERDICT_LABELS) as Verdict[];
const NO_STEPS: ChecklistStep[] = [];

export function ExceptionsScreen({ workspace }: { workspace: WorkspaceInfo }) {
  const api = useApi();
  const route = useExceptionsRoute();
  const [filter, setFilter] = useState<Filter>({ playbook: '', verdict: '', show: 'open' });
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const say = (text: string, tone: ToastMessage['tone'] = 'info') => setToast({ id: Date.now(), text, tone });

  // The list's filter as the core takes it (the export asks for the same list).
  const query = useMemo(
    () => ({
      ...(filter.playbook ? { playbook: filter.playbook } : {}),
      ...(filter.verdict ? { verdict: filter.verdict } : {}),
      ...(filter.show === 'all' ? {} : { resolved: filter.show === 'resolved' }),
    }),
    [filter],
  );
  const listed = useLoad(async () => {
    const [list, steps] = await Promise.all([api.exceptions.list(query), api.exceptions.checklist()]);
    return { list, steps };
  }, [api, query]);
  const list = listed.data?.list ?? null;
  const steps = listed.data?.steps ?? NO_STEPS;
  const listError = listed.error;

  // With nothing selected, select the first exception shown.
  const { id, select } = route;
  useEffect(() => {
    if (id === null && list && list.items.length > 0) select(list.items[0]!.id);
  }, [id, list, select]);

  const shown = useLoad(() => (id === null ? null : api.exceptions.detail({ id })), [api, id]);
  const detail = shown.data;
  const detailError = shown.error;
  const { reload: reloadList } = listed;
  const { reload: reloadDetail } = shown;
  const refresh = useCallback(() => {
    reloadList();
    reloadDetail();
  }, [reloadList, reloadDetail]);

  useApiEvent('workspace.changed', (e) => {
    if (e.reason === 'synced' || e.reason === 'decided' || e.reason === 'imported' || e.reason === 'matched') refresh();
  });

  const playbooks = useMemo(() => new Map((list?.playbooks ?? []).map((p) => [p.id, p])), [list]);

  const resolve = async (resolved: boolean, note: string) => {
    if (id === null) return;
    setBusy(true);
    try {
      const e = await api.exceptions.setResolved({ id, resolved, note: note || undefined });
      say(`${e.number || `Exception ${e.id}`}: ${resolved ? 'marked resolved' : 'reopened'}`);
      refresh();
    } catch (err) {
      say(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const recheck = async () => {
    setBusy(true);
    try {
      const r = await api.exceptions.recheck();
      const parts = VERDICTS.filter((v) => r.byVerdict[v]).map((v) => `${r.byVerdict[v]} ${VERDICT_LABELS[v].toLowerCase()}`);
      say(`Checked ${r.checked} invoice number${r.checked === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`);
      refresh();
    } catch (err) {
      say(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const items = list?.items ?? [];
  const filtered = filter.playbook !== '' || filter.verdict !== '' || filter.show !== 'open';
  return (
    <div className="workbench exceptions-screen">
      <ScreenHeader workspace={workspace} current="#exceptions">
        <button type="button" onClick={() => setImporting(true)}>
          Import exceptions…
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void recheck()}
          title="Look the invoice numbers up again among the synced Xero invoices (after a sync)"
        >
          Re-check invoices
        </button>
      </ScreenHeader>
      <PasteException
        onAdded={(d) => {
          say(`Added: ${d.playbook.title}`);
          select(d.exception.id);
          refresh();
        }}
      />
      <div className="filter-bar" role="search" aria-label="Filter exceptions">
        <label className="field">
          <span>Playbook</span>
          <select
            aria-label="Playbook"
            value={filter.playbook}
            onChange={(e) => setFilter({ ...filter, playbook: e.target.value as Filter['playbook'] })}
          >
            <option value="">All playbooks</option>
            {[...playbooks.values()].map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Invoice check</span>
          <select
            aria-label="Verdict"
            value={filter.verdict}
            onChange={(e) => setFilter({ ...filter, verdict: e.target.value as Filter['verdict'] })}
          >
            <option value="">All verdicts</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Show</span>
          <select
            aria-label="Open or resolved"
            value={filter.show}
            onChange={(e) => setFilter({ ...filter, show: e.target.value as Show })}
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </label>
        <span className="muted small count" aria-live="polite" data-testid="exceptions-count" data-shown={items.length}>
          {list ? `${items.length.toLocaleString()} shown` : 'loading…'}
        </span>
        <button
          type="button"
          onClick={() => setExporting(true)}
          disabled={items.length === 0}
          title="Save the exceptions shown as an Excel workbook or a CSV file"
        >
          Export…
        </button>
      </div>
      <div className="review">
        <div className="review-main">
          {listError ? (
            <ErrorMessage message={listError} onRetry={refresh} title="The exceptions could not be loaded" />
          ) : !list ? (
            <div className="loading" role="status">
              Loading exceptions…
            </div>
          ) : items.length === 0 ? (
            <EmptyState title={filtered ? 'No exception matches' : 'No open exceptions'}>
              {filtered ? (
                <button type="button" className="link-button" onClick={() => setFilter({ playbook: '', verdict: '', show: 'open' })}>
                  Clear the filters
                </button>
              ) : (
                'Import an Exceptions Manager export, or paste an error message above.'
              )}
            </EmptyState>
          ) : (
            <ExceptionsTable items={items} playbooks={playbooks} selectedId={id} onSelect={select} />
          )}
          <ExceptionsChecklist steps={steps} onOpen={select} />
        </div>
        <aside className="detail" aria-label="Exception detail" tabIndex={-1}>
          {id === null ? (
            <EmptyState title="No exception selected">Choose one in the list.</EmptyState>
          ) : detailError ? (
            <ErrorMessage message={detailError} onRetry={refresh} />
          ) : !detail || detail.exception.id !== id ? (
            <div className="loading" role="status">
              Loading…
            </div>
          ) : (
            <ExceptionDetailPane key={detail.exception.id} detail={detail} busy={busy} onResolve={(r, note) => void resolve(r, note)} />
          )}
        </aside>
      </div>
      {importing && (
        <ExceptionImportDialog
          onClose={() => setImporting(false)}
          onImported={(s) => {
            setImporting(false);
            say(
              `Imported ${s.rows.toLocaleString()} exceptions from ${s.fileName} (read as ${s.readAs}): ${s.added.toLocaleString()} new, ${s.updated.toLocaleString()} updated${s.stillOpen.length ? `, ${s.stillOpen.length.toLocaleString()} resolved here but still open in CocoonOPS` : ''}`,
            );
            if (s.ids[0] !== undefined) select(s.ids[0]);
            refresh();
          }}
        />
      )}
      {exporting && (
        <ExportDialog
          title="Export the exceptions"
          request={(format) => ({ table: 'exceptions', format, filter: query })}
          onClose={() => setExporting(false)}
          onDone={(m) => {
            setExporting(false);
            say(m);
          }}
        >
          The {items.length.toLocaleString()} exception{items.length === 1 ? '' : 's'} shown, in the order shown, with the document, the
          billing account, Xero&apos;s message, the playbook, the invoice check and what to do.
        </ExportDialog>
      )}
      <Toast message={toast} onDismiss={() => setToast(null)} />
    </div>
  );
}
