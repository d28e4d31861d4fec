// The core's pushed events (progress, workspace changed, menu commands), typed by the contract.
import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';

export type AnyEventListener = (name: EventName, payload: unknown) => void;

export interface AppEvents {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Every event, for transports that forward them all (IPC, server-sent events). */
  onAny(listener: AnyEventListener): () => void;
}

export function createAppEvents(): AppEvents {
  const listeners = new Set<AnyEventListener>();
  const onAny = (listener: AnyEventListener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    emit(name, payload) {
      for (const l of [...listeners]) {
        try {
          l(name, payload);
        } catch {
          // one broken subscriber (e.g. a closed stream) must not stop the others
        }
      }
    },
    on(name, listener) {
      return onAny((n, p) => {
        if (n === name) listener(p as EventPayload<typeof name>);
      });
    },
    onAny,
  };
}
