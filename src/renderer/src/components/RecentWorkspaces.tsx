// The start screen's recent workspaces: name, Xero organisation, when Xero was last read and how many accounts fail,
// newest first; one click reopens one. A file that was moved or deleted is listed, greyed, with why.
import type { RecentWorkspace } from '../../../shared/review';
import { formatDateTime } from '../lib/dates';

function xeroRead(w: RecentWorkspace): string {
  if (!w.xeroReadAt) return 'Xero not read yet';
  return `${w.xeroReadBy === 'file' ? 'Xero file imported' : 'Last sync'} ${formatDateTime(w.xeroReadAt)}`;
}

function failing(w: RecentWorkspace): { text: string; tone: string } {
  if (w.failing === null) return { text: w.accounts === 0 ? 'No CocoonOPS export yet' : 'Not matched yet', tone: 'muted' };
  if (w.failing === 0) return { text: 'None will fail', tone: 'good' };
  return { text: `${w.failing.toLocaleString()} will fail`, tone: 'bad' };
}

export function RecentWorkspaces({
  recent,
  disabled,
  onOpen,
}: {
  recent: readonly RecentWorkspace[];
  disabled: boolean;
  onOpen: (path: string) => void;
}) {
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent workspaces</h2>
      <ul className="recent-list">
        {recent.map((w) => {
          const f = failing(w);
          return (
            <li key={w.path}>
              <button
                type="button"
                className="recent-item"
                disabled={disabled || w.problem !== null}
                onClick={() => onOpen(w.path)}
                title={w.problem ?? `Open ${w.path}`}
                aria-label={`${w.name}: ${w.problem ?? [w.organisation ?? 'not connected to Xero', xeroRead(w), f.text].join(', ')}`}
              >
                <span className="recent-name">
                  <strong>{w.name}</strong>
                  <span className="muted small recent-path">{w.path}</span>
                </span>
                {w.problem ? (
                  <span className="recent-problem small">{w.problem}</span>
                ) : (
                  <>
                    <span className="recent-org">{w.organisation ?? <span className="muted">Not connected to Xero</span>}</span>
                    <span className="recent-read muted small">{xeroRead(w)}</span>
                    <span className={`recent-failing ${f.tone}`}>{f.text}</span>
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
