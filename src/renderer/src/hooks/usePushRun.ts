// The Push screen's writes to Xero (push, retry, undo): one at a time, with the push's progress while it runs, the
// sentence it ended with, and the screen reloaded after each.
import { useState } from 'react';
import type { PushProgress } from '../../../shared/contract-outbox';
import { useApi, useApiEvent } from '../api/context';
import { errorMessage } from '../lib/file-content';
import { checkedMessage, pushFixedAny, pushMessage, retryMessage, undoMessage } from '../lib/push-messages';

export interface PushRun {
  running: boolean;
  /** The push's progress while it runs (null before its first report). */
  progress: PushProgress | null;
  /** What the last write (or an export) ended with. */
  message: string | null;
  setMessage(message: string | null): void;
  push(): void;
  retry(id: number): void;
  undo(id: number): void;
  cancel(): void;
}

export function usePushRun(reload: () => void): PushRun {
  const api = useApi();
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<PushProgress | null>(null);
  const [running, setRunning] = useState(false);
  useApiEvent('outbox.progress', (p) => setProgress(p.finished ? null : p));

  const run = async (what: () => Promise<string>) => {
    setRunning(true);
    setMessage(null);
    try {
      setMessage(await what());
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setRunning(false);
      setProgress(null);
      reload();
    }
  };
  const push = async () => {
    const r = await api.outbox.push();
    return pushFixedAny(r) ? pushMessage(r) + checkedMessage(await api.workspace.status().catch(() => null)) : pushMessage(r);
  };

  return {
    running,
    progress,
    message,
    setMessage,
    push: () => void run(push),
    retry: (id) => void run(async () => retryMessage((await api.outbox.retry({ ids: [id] })).length)),
    undo: (id) => void run(async () => undoMessage(await api.outbox.undo({ ids: [id] }))),
    cancel: () => void api.outbox.cancel(),
  };
}
