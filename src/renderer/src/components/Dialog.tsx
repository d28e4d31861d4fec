// A modal dialog on the native <dialog> element: focus stays inside, Escape closes, the title names it.
// Children mark the element to focus first with data-autofocus (React's autoFocus runs before showModal).
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** The dialog's main action, beside Cancel at the bottom: a button, or the submit button of the form `form`. */
export interface DialogAction {
  label: string;
  disabled?: boolean;
  onClick?: () => void;
  form?: string;
  /** A weighty action (a write to Xero): Cancel has the focus, so Enter alone never confirms it. */
  focusCancel?: boolean;
}

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  action?: DialogAction;
  wide?: boolean;
}

export function Dialog({ title, onClose, children, action, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first focusable element (the close button): move to the marked one instead.
    d?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {action && (
        <footer className="dialog-footer">
          <button type="button" onClick={onClose} data-autofocus={action.focusCancel || undefined}>
            Cancel
          </button>
          <button
            type={action.form ? 'submit' : 'button'}
            form={action.form}
            className="primary"
            disabled={action.disabled}
            onClick={action.onClick}
          >
            {action.label}
          </button>
        </footer>
      )}
    </dialog>
  );
}
