// The checklist of fixes made by hand, grouped by what is to be done (rename in CocoonOPS, change a billing code, merge
// or free an Account Number in Xero, re-send invoices, close exceptions), each group with its progress; filtered by
// group, by to do / done and by text; virtualised; ticked off here (a tick changes one row). Print (and, in the
// desktop app, Save as PDF) lays out what the filter shows on paper; CSV and XLSX exports. Below it, the audit log.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { auditActionText, auditResultText } from '../../../shared/audit-words';
import type { Checklist, ChecklistTask, DateStyle, ExportFile } from '../../../shared/contract-outbox';
import type { WorkspaceInfo } from '../../../shared/review';
import { useApi, useApiEvent } from '../api/context';
import { useLoad } from '../hooks/useLoad';
import { checklistRows, withTick, type ChecklistFilter, type ChecklistShow } from '../lib/checklist-view';
import { formatDateTime } from '../lib/dates';
import { downloadFile } from '../lib/download';
import { errorMessage } from '../lib/file-content';
import { ChecklistList } from './ChecklistList';
import { ProgressCount } from './ChecklistParts';
import { ChecklistPrint } from './ChecklistPrint';
import { EmptyState } from './EmptyState';
import { ErrorMessage } from './ErrorMessage';
import { ScreenHeader } from './ScreenHeader';
import '../exceptions.css';
import '../outbox.css';
import '../checklist.css';

const AUDIT_PAGE = 100;
const SHOW_LABELS: Record<ChecklistShow, string> = { todo: 'To do', done: 'Done', all: 'All' };
/** Electron's preload gives the page window.api; only there can the window be saved as a PDF. */
const canSavePdf = typeof window !== 'undefined' && 'api' in window;

function dateStyle(): DateStyle {
  const o = Intl.DateTimeFormat().resolvedOptions();
  return { locale: o.locale, timeZone: o.timeZone };
}

export function ChecklistScreen({ workspace }: { workspace: WorkspaceInfo }) {
  const api = useApi();
  const loaded = useLoad(async () => {
    const [list, audit] = await Promise.all([api.checklist.get(), api.audit.list({ limit: AUDIT_PAGE })]);
    return { list, audit };
  }, [api]);
  const { error, reload: refresh, setData } = loaded;
  const list = loaded.data?.list ?? null;
  const audit = loaded.data?.audit ?? null;
  /** Changes the loaded checklist in place (a tick shown at once). */
  const setList = useCallback((change: (list: Checklist) => Checklist) => setData((d) => d && { ...d, list: change(d.list) }), [setData]);
  const [message, setMessage] = useState<string | null>(null);
  const [filter, setFilter] = useState<ChecklistFilter>({ task: 'all', show: 'all', text: '' });
  const [printing, setPrinting] = useState<string | null>(null);
  useApiEvent('workspace.changed', refresh);

  const rows = useMemo(() => (list ? checklistRows(list, filter) : []), [list, filter]);

  /** Shown at once (the box follows the click), stored in the core, put back if the core refused it. */
  const onTick = useCallback(
    async (key: string, ticked: boolean) => {
      setList((l) => withTick(l, key, ticked, ticked ? new Date().toISOString() : null));
      try {
        const line = await api.checklist.tick({ key, ticked });
        setList((l) => withTick(l, key, line.ticked, line.tickedAt));
      } catch (e) {
        setList((l) => withTick(l, key, !ticked, null));
        setMessage(errorMessage(e));
      }
    },
    [api, setList],
  );
  const tick = useCallback((key: string, ticked: boolean) => void onTick(key, ticked), [onTick]);

  const exportAs = async (make: () => Promise<ExportFile>) => {
    try {
      const file = await make();
      downloadFile(file);
      setMessage(`Saved ${file.fileName}`);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  // Printing lays out every line the filter shows (the list on screen holds only those in view): the printed page is
  // mounted before the print dialog opens (Print, or the browser's own Ctrl+P) and removed after it.
  const printingRef = useRef(false);
  useEffect(() => {
    const before = () => {
      if (!printingRef.current) flushSync(() => setPrinting(new Date().toISOString()));
    };
    const after = () => {
      printingRef.current = false;
      setPrinting(null);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = () => {
    printingRef.current = true;
    flushSync(() => setPrinting(new Date().toISOString()));
    window.print();
  };
  const savePdf = async () => {
    printingRef.current = true;
    flushSync(() => setPrinting(new Date().toISOString()));
    try {
      await exportAs(() => api.checklist.pdf({}));
    } finally {
      printingRef.current = false;
      setPrinting(null);
    }
  };

  const filterNote = [
    filter.task === 'all' ? '' : (list?.groups.find((g) => g.task === filter.task)?.title ?? ''),
    filter.show === 'all' ? '' : SHOW_LABELS[filter.show].toLowerCase(),
    filter.text.trim() ? `matching “${filter.text.trim()}”` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const title = `CocoonOPS checklist: ${workspace.isDemo ? 'Demo workspace' : workspace.name}`;
  const shownLines = rows.length - rows.filter((r) => r.type === 'group').length;

  return (
    <div className="workbench outbox-screen checklist-screen">
      <ScreenHeader workspace={workspace} current="#checklist">
        <button type="button" onClick={print} disabled={!list || list.total === 0} title="Print what the list shows (its filter applies)">
          Print…
        </button>
        {canSavePdf && (
          <button type="button" onClick={() => void savePdf()} disabled={!list || list.total === 0}>
            Save as PDF
          </button>
        )}
        <button type="button" onClick={() => void exportAs(() => api.checklist.export({ format: 'csv', dates: dateStyle() }))}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs(() => api.checklist.export({ format: 'xlsx', dates: dateStyle() }))}>
          Export XLSX
        </button>
      </ScreenHeader>
      <main className="outbox-main">
        {message && (
          <p className="small" role="status">
            {message}
          </p>
        )}
        {error ? (
          <ErrorMessage message={error} onRetry={refresh} title="The checklist could not be loaded" />
        ) : !list || !audit ? (
          <div className="loading" role="status">
            Loading the checklist…
          </div>
        ) : (
          <>
            <section className="card checklist-card" aria-labelledby="checklist-title">
              <h2 id="checklist-title">
                CocoonOPS checklist{' '}
                <span data-testid="checklist-count">
                  <ProgressCount done={list.ticked} total={list.total} label="Checklist done" />
                </span>
              </h2>
              {list.total === 0 ? (
                <EmptyState title="Nothing to do by hand">
                  Accepted fixes that must be made in CocoonOPS or the Xero web app appear here, and invoices to re-send once an exceptions
                  export names them.
                </EmptyState>
              ) : (
                <>
                  <div className="checklist-tasks" role="group" aria-label="What to do">
                    <TaskButton
                      active={filter.task === 'all'}
                      onClick={() => setFilter((f) => ({ ...f, task: 'all' }))}
                      title="Everything"
                      done={list.ticked}
                      total={list.total}
                    />
                    {list.groups.map((g) => (
                      <TaskButton
                        key={g.task}
                        task={g.task}
                        active={filter.task === g.task}
                        onClick={() => setFilter((f) => ({ ...f, task: g.task }))}
                        title={g.title}
                        done={g.ticked}
                        total={g.total}
                      />
                    ))}
                  </div>
                  <div className="checklist-filters">
                    <input
                      type="search"
                      placeholder="Filter: account, name or invoice number"
                      aria-label="Filter the checklist"
                      value={filter.text}
                      onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
                    />
                    <label>
                      Show{' '}
                      <select
                        aria-label="Show"
                        value={filter.show}
                        onChange={(e) => setFilter((f) => ({ ...f, show: e.target.value as ChecklistShow }))}
                      >
                        {(Object.keys(SHOW_LABELS) as ChecklistShow[]).map((k) => (
                          <option key={k} value={k}>
                            {SHOW_LABELS[k]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <span className="muted small" data-testid="checklist-shown">
                      {shownLines.toLocaleString()} of {list.total.toLocaleString()} lines shown
                    </span>
                  </div>
                  {rows.length === 0 ? <EmptyState title="No line matches the filter" /> : <ChecklistList rows={rows} onTick={tick} />}
                </>
              )}
            </section>
            <section className="card" aria-labelledby="audit-title">
              <h2 id="audit-title">
                Audit log <span className="muted small">{audit.total.toLocaleString()} entries</span>
              </h2>
              <button type="button" onClick={() => void exportAs(() => api.audit.export())}>
                Export the audit log (CSV)
              </button>
              {audit.entries.length === 0 ? (
                <EmptyState title="Nothing recorded yet" />
              ) : (
                <table className="audit-table small">
                  <thead>
                    <tr>
                      <th>When</th>
                      <th>Who</th>
                      <th>What</th>
                      <th>Subject</th>
                      <th>Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {audit.entries.map((e) => (
                      <tr key={e.id}>
                        <td>{formatDateTime(e.at)}</td>
                        <td>{e.actor}</td>
                        <td>{auditActionText(e.action)}</td>
                        <td>{e.subject}</td>
                        <td>{auditResultText(e.result)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {audit.total > audit.entries.length && (
                <p className="muted small">The latest {audit.entries.length.toLocaleString()}; the export has them all.</p>
              )}
            </section>
          </>
        )}
      </main>
      {printing && list && <ChecklistPrint rows={rows} title={title} filterNote={filterNote} madeAt={printing} />}
    </div>
  );
}

function TaskButton({
  task,
  active,
  onClick,
  title,
  done,
  total,
}: {
  task?: ChecklistTask;
  active: boolean;
  onClick: () => void;
  title: string;
  done: number;
  total: number;
}) {
  return (
    <button type="button" className="task-button" aria-pressed={active} onClick={onClick} data-task={task ?? 'all'}>
      <span className="task-title">{title}</span>
      <ProgressCount done={done} total={total} />
    </button>
  );
}
