// The CocoonOPS checklist: one line per fix to make by hand, grouped by account, ticked off here; exported as
// CSV or as a printable page. Below it, the audit log (what was written to Xero, when, and Xero's answer).
import { useCallback, useEffect, useState } from 'react';
import { auditActionText, auditResultText } from '../../../shared/audit-words';
import type { AuditEntryView, Checklist, ExportFile } from '../../../shared/contract-outbox';
import type { WorkspaceInfo } from '../../../shared/review';
import { useApi, useApiEvent } from '../api/context';
import { formatDateTime } from '../lib/dates';
import { downloadFile } from '../lib/download';
import { errorMessage } from '../lib/file-content';
import { EmptyState } from './EmptyState';
import { ErrorMessage } from './ErrorMessage';
import { ScreenHeader } from './ScreenHeader';
import '../exceptions.css';
import '../outbox.css';

const PLACES: Record<string, string> = { cocoonops: 'CocoonOPS', xero: 'Xero web app', reconciler: 'Reconciler' };
const AUDIT_PAGE = 100;

export function ChecklistScreen({ workspace }: { workspace: WorkspaceInfo }) {
  const api = useApi();
  const [list, setList] = useState<Checklist | null>(null);
  const [audit, setAudit] = useState<{ entries: AuditEntryView[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([api.checklist.get(), api.audit.list({ limit: AUDIT_PAGE })]).then(
      ([c, a]) => {
        if (!live) return;
        setList(c);
        setAudit(a);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, tick]);
  useApiEvent('workspace.changed', refresh);

  /** Shown at once (the box follows the click), stored in the core, put back if the core refused it. */
  const setTicked = async (key: string, ticked: boolean) => {
    const apply = (value: boolean, tickedAt: string | null) =>
      setList((l) => {
        const before = l?.groups.flatMap((g) => g.lines).find((x) => x.key === key);
        if (!l || !before || before.ticked === value) return l;
        return {
          ...l,
          ticked: l.ticked + (value ? 1 : -1),
          groups: l.groups.map((g) => ({ ...g, lines: g.lines.map((x) => (x.key === key ? { ...x, ticked: value, tickedAt } : x)) })),
        };
      });
    apply(ticked, null);
    try {
      const line = await api.checklist.tick({ key, ticked });
      apply(line.ticked, line.tickedAt);
    } catch (e) {
      apply(!ticked, null);
      setMessage(errorMessage(e));
    }
  };
  const exportAs = async (make: () => Promise<ExportFile>) => {
    try {
      const file = await make();
      downloadFile(file);
      setMessage(`Saved ${file.fileName}`);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  return (
    <div className="workbench outbox-screen">
      <ScreenHeader workspace={workspace} current="#checklist">
        <button type="button" onClick={() => void exportAs(() => api.checklist.export({ format: 'csv' }))}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs(() => api.checklist.export({ format: 'html' }))}>
          Printable page
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
            <section className="card" aria-labelledby="checklist-title">
              <h2 id="checklist-title">
                CocoonOPS checklist{' '}
                <span className="muted small" data-testid="checklist-count">
                  {list.ticked.toLocaleString()} of {list.total.toLocaleString()} done
                </span>
              </h2>
              {list.total === 0 ? (
                <EmptyState title="Nothing to do by hand">Accepted fixes that must be made in CocoonOPS or the Xero web app appear here.</EmptyState>
              ) : (
                list.groups.map((g) => (
                  <fieldset key={g.accountCode} className="checklist-group" data-testid="checklist-group">
                    <legend>
                      <strong>{g.accountCode}</strong> {g.accountName}
                    </legend>
                    {g.lines.map((line) => (
                      <div key={line.key} className={`checklist-line${line.ticked ? ' ticked' : ''}`}>
                        <label>
                          <input type="checkbox" checked={line.ticked} onChange={(e) => void setTicked(line.key, e.target.checked)} />{' '}
                          <span className="muted small">{PLACES[line.place] ?? line.place}:</span> {line.text}
                        </label>
                        {line.steps.length > 0 && (
                          <ol className="small">
                            {line.steps.map((s, i) => (
                              <li key={i}>{s}</li>
                            ))}
                          </ol>
                        )}
                      </div>
                    ))}
                  </fieldset>
                ))
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
              {audit.total > audit.entries.length && <p className="muted small">The latest {audit.entries.length.toLocaleString()}; the export has them all.</p>}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
