// "Accept": asks which fix is right before anything is stored. The suggestion has the focus, so a then Enter
// accepts it; arrow keys or Tab reach the alternatives. Setting an AccountNumber that replaces the contact's own
// asks once more, naming the number it replaces; so does renaming in Xero to a CocoonOPS name that lost information.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { DecisionAction, FindingDetail } from '../../../shared/review';
import { actionLabel, damagedCocoonName, describeAction, replacedNumber } from '../lib/describe';
import { Dialog } from './Dialog';

interface Props {
  detail: FindingDetail;
  /** `confirmNameLoss`: the user confirmed writing a CocoonOPS name that lost information to Xero. */
  onChoose: (action: DecisionAction, confirmNameLoss?: boolean) => void;
  onClose: () => void;
}

export function AcceptDialog({ detail, onChoose, onClose }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState<DecisionAction | null>(null);
  const replaced = replacedNumber(detail);
  const damaged = damagedCocoonName(detail);
  useEffect(() => {
    if (confirming) back.current?.focus();
  }, [confirming]);
  const move = (delta: number) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + delta + buttons.length) % buttons.length]?.focus();
  };
  const asks = (action: DecisionAction) => (action === 'set_account_number' && replaced) || (action === 'rename_in_xero' && damaged);
  const choose = (action: DecisionAction) => (asks(action) ? setConfirming(action) : onChoose(action));
  return (
    <Dialog title={`Accept a fix for ${detail.account.code}`} onClose={onClose}>
      {confirming === 'rename_in_xero' ? (
        <ConfirmStep
          label="Write a damaged name to Xero"
          confirm="Write the damaged name to Xero"
          onConfirm={() => onChoose(confirming, true)}
          onBack={() => setConfirming(null)}
          backRef={back}
        >
          <p>
            <strong>
              This writes “{detail.account.name}” over “{detail.contact?.name}” in Xero
            </strong>
            , but that CocoonOPS name is damaged ({damaged}). Xero would keep the damaged name, and every invoice would show it.
          </p>
          <p className="small">
            Usually the better fix: rename in CocoonOPS instead, or correct the name in CocoonOPS and import it again.
          </p>
        </ConfirmStep>
      ) : confirming ? (
        <ConfirmStep
          label="Replace the AccountNumber"
          confirm={`Replace ${replaced}`}
          primary
          onConfirm={() => onChoose(confirming)}
          onBack={() => setConfirming(null)}
          backRef={back}
        >
          <p>
            <strong>
              This replaces {replaced} with {detail.account.code}
            </strong>{' '}
            on “{detail.contact?.name}” in Xero. Anything that finds this contact by {replaced} (a CocoonOPS account with that code, your
            own lookups) will no longer find it.
          </p>
        </ConfirmStep>
      ) : (
        <>
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
            {detail.actions.map((action, i) => {
              const choice = detail.choices.find((c) => c.action === action);
              return (
                <button
                  key={action}
                  type="button"
                  className={i === 0 ? 'choice suggested' : 'choice'}
                  data-autofocus={i === 0 ? true : undefined}
                  data-action={action}
                  onClick={() => choose(action)}
                >
                  <strong>
                    {actionLabel(action)}
                    {i === 0 && <span className="tag">suggested</span>}
                  </strong>
                  <span className="small keep-spaces">{describeAction(action, detail)}</span>
                  {choice && choice.summary !== 'No change' && (
                    <span className="small muted choice-changes keep-spaces">{choice.summary}</span>
                  )}
                  {action === 'rename_in_xero' && damaged && (
                    <span className="small warn-text" data-testid="choice-name-loss">
                      Copies a damaged name into Xero ({damaged}): asks first.
                    </span>
                  )}
                  {choice?.problem ? (
                    <span className="small warn-text choice-still-fails keep-spaces" data-testid="choice-still-fails">
                      {choice.problem}.
                    </span>
                  ) : (
                    choice?.passes && (
                      <span className="small ok-text choice-passes" data-testid="choice-passes">
                        The sync will pass{choice.caveat ? '' : '.'}
                        {choice.caveat && <span className="warn-text">, but {choice.caveat}.</span>}
                      </span>
                    )
                  )}
                </button>
              );
            })}
          </div>
        </>
      )}
    </Dialog>
  );
}

/** The dialog's second question: what the choice would do, then the choice itself or Back (which has the focus). */
function ConfirmStep({
  label,
  confirm,
  primary = false,
  onConfirm,
  onBack,
  backRef,
  children,
}: {
  label: string;
  confirm: string;
  primary?: boolean;
  onConfirm: () => void;
  onBack: () => void;
  backRef: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}) {
  return (
    <div className="confirm-replace keep-spaces" role="alertdialog" aria-label={label}>
      {children}
      <div className="button-row">
        <button type="button" className={primary ? 'primary' : undefined} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" ref={backRef} onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}
