// The last thing that happened ("Accepted: …", "Undone"), announced politely to screen readers.
export interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** Offer undo for the account the message is about. */
  undoCode?: string;
}

export function Toast({ message, onUndo, onDismiss }: { message: ToastMessage | null; onUndo: (code: string) => void; onDismiss: () => void }) {
  return (
    <div className="toast-region" aria-live="polite" role="status">
      {message && (
        <div className={`toast toast-${message.tone}`} key={message.id}>
          <span>{message.text}</span>
          {message.undoCode && (
            <button type="button" className="link-button" onClick={() => onUndo(message.undoCode!)}>
              Undo
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
