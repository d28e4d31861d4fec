// "Accept": asks which fix is right before anything is stored. The suggestion has the focus, so a then Enter
// accepts it; arrow keys or Tab reach the alternatives.
import { useRef } from 'react';
import type { DecisionAction, FindingDetail } from '../../../shared/review';
import { actionLabel, describeAction } from '../lib/describe';
import { Dialog } from './Dialog';

interface Props {
  detail: FindingDetail;
  onChoose: (action: DecisionAction) => void;
  onClose: () => void;
}

export function AcceptDialog({ detail, onChoose, onClose }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const move = (delta: number) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + delta + buttons.length) % buttons.length]?.focus();
  };
  return (
    <Dialog title={`Accept a fix for ${detail.account.code}`} onClose={onClose}>
      <p className="small muted">Which side is right? Nothing changes until you choose.</p>
      <div
        className="choices"
        ref={list}
        role="group"
        aria-label="Fixes"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'j') move(1);
          else if (e.key === 'ArrowUp' || e.key === 'k') move(-1);
          else return;
          e.preventDefault();
        }}
      >
        {detail.actions.map((action, i) => (
          <button key={action} type="button" className={i === 0 ? 'choice suggested' : 'choice'} data-autofocus={i === 0 ? true : undefined} onClick={() => onChoose(action)}>
            <strong>
              {actionLabel(action)}
              {i === 0 && <span className="tag">suggested</span>}
            </strong>
            <span className="small">{describeAction(action, detail)}</span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}
