// What an empty area says, and what to do about it.
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <strong>{title}</strong>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}
