// The header of every screen of an open workspace: its name, one navigation between the screens (the same links in
// the same place on each) and the screen's own actions.
import type { ReactNode } from 'react';
import type { WorkspaceInfo } from '../../../shared/review';

const TABS = [
  ['#', 'Review'],
  ['#exceptions', 'Exceptions'],
  ['#push', 'Push'],
  ['#checklist', 'Checklist'],
] as const;

export function ScreenHeader({ workspace, current, children }: { workspace: WorkspaceInfo; current: string; children?: ReactNode }) {
  return (
    <header className="topbar">
      <div className="brand">
        Cocoon ⇄ Xero <span className="muted">·</span>{' '}
        <span title={workspace.path}>{workspace.isDemo ? 'Demo workspace' : workspace.name}</span>
      </div>
      <nav className="screen-tabs" aria-label="Screens">
        {TABS.map(([href, label]) => (
          <a key={href} href={href} aria-current={href === current ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <div className="topbar-actions">{children}</div>
    </header>
  );
}
