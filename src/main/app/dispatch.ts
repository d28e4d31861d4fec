// One way into the handler table for every transport (IPC and HTTP): look the channel up, parse the input
// with the contract, call, optionally check the output, and turn any failure into an error envelope.
import { z } from 'zod';
import type { ApiErrorBody, Envelope } from '../../shared/api-client';
import { isChannel, type Channel } from '../../shared/channels';
import { contract, type Output, type ParsedInput } from '../../shared/contract';
import { WorkspaceError } from '../db';
import { ImportError } from '../cocoon/import-problems';
import { AppError } from '../../shared/app-error';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

export type Dispatch = (channel: string, raw: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** Parse every output against the contract too (development and tests). */
  validateOutput?: boolean;
  /** Called with unexpected errors (bugs), for the log. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export function toErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof ImportError) return { code: 'import_failed', message: error.message, problems: error.problems };
  if (error instanceof WorkspaceError) return { code: 'workspace', message: error.message };
  if (error instanceof z.ZodError) return { code: 'bad_input', message: z.prettifyError(error) };
  return { code: 'internal', message: `Unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}` };
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, raw) => {
    if (!isChannel(channel))
      return { ok: false, error: { code: 'unknown_channel', message: `No such call: ${String(channel).slice(0, 80)}` } };
    const spec = contract[channel];
    const parsed = spec.input.safeParse(raw ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'bad_input', message: `${channel}: ${z.prettifyError(parsed.error)}` } };
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) throw new Error(`${channel} returned a value the contract refuses: ${z.prettifyError(checked.error)}`);
      }
      return { ok: true, value };
    } catch (error) {
      const body = toErrorBody(error);
      if (body.code === 'internal') options.onInternalError?.(channel, error);
      return { ok: false, error: body };
    }
  };
}
