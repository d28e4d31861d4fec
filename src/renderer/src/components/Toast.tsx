// The last thing that happened ("Accepted: …", "Undone"), announced politely to screen readers.
export interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** Offer undo for what the message is about (a button labelled `undo.label`). */
  undo?: { label: string; run: () => void };
}

export function Toast({ message, onDismiss }: { message: ToastMessage | null; onDismiss: () => void }) {
  return (
    <div className="toast-region" aria-live="polite" role="status">
      {message && (
        <div className={`toast toast-${message.tone}`} key={message.id}>
          <span>{message.text}</span>
          {message.undo && (
            <button type="button" className="link-button" onClick={message.undo.run}>
              {message.undo.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
