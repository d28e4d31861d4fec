// The UI's view of the contract: `api.findings.list()` instead of channel strings, one type for both hosts.
// No zod at run time (types only from the contract), so any bundle may import it.
import { CHANNELS, type Channel, type EventName } from './channels';
import type { EventPayload, Input, Output } from './contract';

export const API_ERROR_CODES = [
  'bad_input',
  'unknown_channel',
  'unauthorized',
  'no_workspace',
  'not_found',
  'conflict',
  'import_failed',
  'workspace',
  'unavailable',
  'cancelled',
  /** The action would do something drastic (a sync removing most contacts): ask the user, then call again confirmed. */
  'needs_confirmation',
  /** Xero ended the sign-in (60 days unused, revoked) or lacks a permission: offer "Reconnect to Xero" (xero.reconnect). */
  'reconnect',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Row-numbered problems of a refused import. */
  problems?: { row: number; column?: string; severity: 'error' | 'warning'; message: string }[];
}

/** What every call returns over IPC and HTTP: a value, or an error with a code the UI can act on. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly problems: NonNullable<ApiErrorBody['problems']>;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.problems = body.problems ?? [];
  }
}

type Area<C> = C extends `${infer A}.${string}` ? A : never;
type Verb<C, A extends string> = C extends `${A}.${infer V}` ? V : never;
type ChannelOf<A extends string, V extends string> = Extract<Channel, `${A}.${V}`>;

/** Calls with nothing to say take no argument. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "{} fits the input" = every field is optional
type Method<C extends Channel, R> = {} extends Input<C> ? (input?: Input<C>) => Promise<R> : (input: Input<C>) => Promise<R>;

export type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

type Methods<Wrap extends 'value' | 'envelope'> = {
  [A in Area<Channel>]: {
    [V in Verb<Channel, A>]: Method<ChannelOf<A, V>, Wrap extends 'value' ? Output<ChannelOf<A, V>> : Envelope<Output<ChannelOf<A, V>>>>;
  };
};

/** What components use: resolves with the output, rejects with ApiError. */
export type ApiClient = Methods<'value'> & {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
};

/** What the Electron preload exposes on window.api: the same methods, resolving with envelopes. */
export type Bridge = Methods<'envelope'> & {
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
};

export interface Transport {
  call(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Splits "area.verb" names into `{ area: { verb: fn } }`, calling `make(channel)` for each. */
export function nestChannels<F>(make: (channel: Channel) => F): Record<string, Record<string, F>> {
  const out: Record<string, Record<string, F>> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = channel.split('.') as [string, string];
    (out[area] ??= {})[verb] = make(channel);
  }
  return out;
}

/** Builds the ApiClient over a transport (window.api or HTTP). */
export function buildClient(transport: Transport): ApiClient {
  const methods = nestChannels((channel) => async (input?: unknown) => {
    const envelope = await transport.call(channel, input ?? {});
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.value;
  });
  return { ...methods, on: (event, listener) => transport.on(event, listener as (p: unknown) => void) } as ApiClient;
}
