// The exceptions as a grid: state, document, billing account, Xero's message, playbook and verdict. Arrow keys
// move the selection; a click selects. Not virtualised (an Exceptions Manager export holds hundreds, not 50,000).
import type { KeyboardEvent } from 'react';
import type { ExceptionItem, Playbook } from '../../../shared/exceptions';
import { accountHash } from '../hooks/useAccountRoute';
import { PlaybookBadge, ResolvedBadge, VerdictBadge } from './ExceptionBadges';

const COLUMNS = ['State', 'Document', 'Account', 'Xero message', 'Playbook', 'Invoice check'] as const;

interface Props {
  items: readonly ExceptionItem[];
  playbooks: ReadonlyMap<string, Playbook>;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function ExceptionsTable({ items, playbooks, selectedId, onSelect }: Props) {
  const at = items.findIndex((e) => e.id === selectedId);
  const onKey = (e: KeyboardEvent) => {
    const next =
      e.key === 'ArrowDown' || e.key === 'j'
        ? at + 1
        : e.key === 'ArrowUp' || e.key === 'k'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null;
    if (next === null || items.length === 0) return;
    e.preventDefault();
    onSelect(items[Math.min(items.length - 1, Math.max(0, next))]!.id);
  };
  return (
    <div
      className="grid exceptions-grid"
      role="grid"
      aria-label="Exceptions"
      aria-rowcount={items.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={at >= 0 ? `exception-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKey}
    >
      <div className="grid-head" role="rowgroup">
        <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
          {COLUMNS.map((c, i) => (
            <div key={c} role="columnheader" className="cell" aria-colindex={i + 1}>
              {c}
            </div>
          ))}
        </div>
      </div>
      <div className="exceptions-body" role="rowgroup">
        {items.map((e, i) => {
          const pb = playbooks.get(e.playbookId);
          return (
            <div
              key={e.id}
              id={`exception-${e.id}`}
              role="row"
              aria-rowindex={i + 2}
              aria-selected={e.id === selectedId}
              data-id={e.id}
              className={`grid-row${e.id === selectedId ? ' selected' : ''}${e.resolvedAt ? ' resolved' : ''}`}
              onClick={() => onSelect(e.id)}
            >
              <div role="gridcell" className="cell" aria-colindex={1}>
                <ResolvedBadge resolvedAt={e.resolvedAt} />
              </div>
              <div
                role="gridcell"
                className="cell mono"
                aria-colindex={2}
                title={e.docType === 'credit_note' ? 'credit note' : (e.docType ?? undefined)}
              >
                {e.number || <span className="muted">—</span>}
              </div>
              <div role="gridcell" className="cell mono" aria-colindex={3}>
                {e.accountCode ? (
                  <a href={accountHash(e.accountCode)} title={`Open ${e.accountCode} in the review`} onClick={(ev) => ev.stopPropagation()}>
                    {e.accountCode}
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </div>
              <div role="gridcell" className="cell" aria-colindex={4} title={e.message}>
                {e.message}
              </div>
              <div role="gridcell" className="cell" aria-colindex={5}>
                {pb ? <PlaybookBadge title={pb.title} area={pb.area} /> : e.playbookId}
              </div>
              <div role="gridcell" className="cell" aria-colindex={6}>
                <VerdictBadge verdict={e.verdict} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
