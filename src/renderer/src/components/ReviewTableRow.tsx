// One account in the table: decision mark (a tick; a warning when the decision needs attention), CocoonOPS code and
// name, the finding and score, the Xero name and AccountNumber; the two names' differing characters highlighted, and
// a "look" mark where a name lost information.
import { memo, useMemo } from 'react';
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { ReviewRow, XeroTrust } from '../../../shared/review';
import { percent } from '../lib/format';
import { diffNames } from '../lib/name-diff';
import { KindBadge } from './KindBadge';
import { NameDiff } from './NameDiff';

interface Props {
  index: number;
  row: ReviewRow;
  ariaRowIndex: number;
  top: number;
  selected: boolean;
  xeroTrust: XeroTrust;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
}

export const ReviewTableRow = memo(function ReviewTableRow({
  index,
  row,
  ariaRowIndex,
  top,
  selected,
  xeroTrust,
  onSelect,
  onOpen,
}: Props) {
  const diff = useMemo(() => (row.xeroName ? diffNames(row.name, row.xeroName) : null), [row.name, row.xeroName]);
  const decision = row.decision;
  // Carried out and still failing: open again, shown as a warning with the reason instead of a tick.
  const attention = decision?.attention ?? null;
  return (
    <div
      id={`row-${index}`}
      role="row"
      aria-rowindex={ariaRowIndex}
      aria-selected={selected}
      data-code={row.code}
      className={`grid-row${selected ? ' selected' : ''}${decision && !attention && !decision.pending ? ' decided' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(index)}
    >
      <div role="gridcell" className="cell col-decision" aria-colindex={1}>
        {attention ? (
          <span
            className="decision-mark decision-attention"
            title={`${attention} (${ACTION_LABELS[decision!.action]}): decide again`}
            data-attention={attention}
          >
            !<span className="visually-hidden">Needs attention: {attention}</span>
          </span>
        ) : decision?.pending ? (
          // Decided, but the account fails until a step of the fix is done: no tick yet.
          <span
            className="decision-mark decision-pending"
            title={`${ACTION_LABELS[decision.action]}: ${decision.pending}`}
            data-pending={decision.pending}
          >
            …<span className="visually-hidden">{`${ACTION_LABELS[decision.action]}; pending: ${decision.pending}`}</span>
          </span>
        ) : decision ? (
          <span
            className={`decision-mark decision-${decision.action}`}
            title={`${ACTION_LABELS[decision.action]}${decision.source === 'bulk' ? ' (bulk)' : ''}${decision.note ? `: ${decision.note}` : ''}`}
          >
            {decision.action === 'ignore' ? '–' : '✓'}
            <span className="visually-hidden">{ACTION_LABELS[decision.action]}</span>
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell col-code mono" aria-colindex={2}>
        {row.code}
      </div>
      <div role="gridcell" className="cell col-name keep-spaces-line" aria-colindex={3} title={row.name}>
        {diff ? <NameDiff segments={diff.a} /> : row.name}
      </div>
      <div role="gridcell" className="cell col-match" aria-colindex={4}>
        <KindBadge kind={row.kind} xeroTrust={xeroTrust} fix={row.fix} />
        {row.look && (
          <span className="tag tag-look" title={`${row.look}: look before accepting`} data-look={row.look}>
            <span aria-hidden="true">!</span>
            <span className="visually-hidden">{row.look}</span>
          </span>
        )}
      </div>
      <div role="gridcell" className="cell col-score num" aria-colindex={5}>
        {row.kind === null ? '' : percent(row.score)}
      </div>
      <div role="gridcell" className="cell col-name keep-spaces-line" aria-colindex={6} title={row.xeroName}>
        {diff ? <NameDiff segments={diff.b} /> : <span className="muted">—</span>}
        {row.xeroStatus === 'ARCHIVED' && <span className="tag">archived</span>}
      </div>
      <div role="gridcell" className="cell col-code mono" aria-colindex={7}>
        {row.xeroNumber || <span className="muted">—</span>}
      </div>
    </div>
  );
});
