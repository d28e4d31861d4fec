// Paste one error message from CocoonOPS (and the document number / billing account when known): it is
// classified and checked like an imported one.
import { useState, type FormEvent } from 'react';
import type { ExceptionDetail } from '../../../shared/exceptions';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/file-content';

export function PasteException({ onAdded }: { onAdded: (detail: ExceptionDetail) => void }) {
  const api = useApi();
  const [message, setMessage] = useState('');
  const [number, setNumber] = useState('');
  const [accountCode, setAccountCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const d = await api.exceptions.paste({ message, number: number || undefined, accountCode: accountCode || undefined });
      setMessage('');
      setNumber('');
      setAccountCode('');
      onAdded(d);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="paste-exception" aria-label="Paste an exception" onSubmit={(e) => void submit(e)}>
      <label className="stacked grow">
        <span>Xero error message</span>
        <textarea
          rows={2}
          value={message}
          maxLength={10_000}
          onChange={(e) => setMessage(e.target.value)}
          placeholder="e.g. Invoice # must be unique."
        />
      </label>
      <label className="stacked">
        <span>Invoice / credit note number</span>
        <input type="text" value={number} maxLength={100} onChange={(e) => setNumber(e.target.value)} />
      </label>
      <label className="stacked">
        <span>Billing account code</span>
        <input type="text" value={accountCode} maxLength={200} onChange={(e) => setAccountCode(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || message.trim() === ''}>
        Add exception
      </button>
      {error && (
        <p className="error-text small pre-line" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
