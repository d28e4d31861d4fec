// "Ignore": leave the account as it is, with a note saying why (Enter stores it).
import { useState } from 'react';
import { Dialog } from './Dialog';

export function IgnoreDialog({ code, onIgnore, onClose }: { code: string; onIgnore: (note: string) => void; onClose: () => void }) {
  const [note, setNote] = useState('');
  return (
    <Dialog title={`Ignore ${code}`} onClose={onClose} action={{ label: 'Ignore', form: 'ignore-form' }}>
      <form
        id="ignore-form"
        onSubmit={(e) => {
          e.preventDefault();
          onIgnore(note.trim());
        }}
      >
        <label className="stacked">
          <span>Note (why it is fine as it is)</span>
          <input data-autofocus type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-label="Note" />
        </label>
      </form>
    </Dialog>
  );
}
