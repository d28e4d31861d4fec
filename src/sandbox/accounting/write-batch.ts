// Shared by PUT/POST batch endpoints: reading the body and answering in either summarizeErrors mode.
import type { Collection, Json } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { boolParam, queryOf, sendJson, type Ctx } from '../http/env.js';
import { noDataProcessed, postDataInvalid, validationException } from '../http/xero-errors.js';
import { envelope } from '../query/list-query.js';
import type { ElementResult } from './contact-rules.js';

/** The submitted elements: `{Contacts:[…]}`, a bare array, or a single object. A Response when unusable. */
export async function readElements(c: Ctx, coll: Collection, entity: string): Promise<Json[] | Response> {
  const text = (await c.req.text()).trim();
  if (text === '') return sendJson(c, noDataProcessed(entity), 400);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return sendJson(c, postDataInvalid(entity), 400);
  }
  const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
  let items: unknown[] = [];
  if (Array.isArray(body)) items = body;
  else if (isObj(body) && Array.isArray(body[coll])) items = body[coll] as unknown[];
  else if (isObj(body) && Object.keys(body).length > 0 && body[coll] === undefined) items = [body];
  const elements = items.filter(isObj);
  if (elements.length === 0) return sendJson(c, noDataProcessed(entity), 400);
  return elements;
}

export function providerName(state: SandboxState, c: Ctx): string {
  return state.clients.get(c.get('clientId'))?.name ?? 'Xero Sandbox';
}

/**
 * summarizeErrors=false: 200 with every element, failures flagged. Default: 400 ValidationException listing only
 * the failing elements (the valid ones were saved all the same).
 */
export function answerBatch(state: SandboxState, c: Ctx, coll: Collection, results: ElementResult[]): Response {
  const summarize = boolParam(queryOf(c).get('summarizeerrors')) ?? true;
  // Saved invoices carry StatusAttributeString "OK" (spec examples); saved contacts only in summarizeErrors=false mode.
  const okStatus = coll === 'Invoices' || !summarize;
  const element = (r: ElementResult): Json => {
    if (r.ok) return okStatus ? { ...r.json, StatusAttributeString: 'OK' } : r.json;
    return {
      ...r.echo,
      [coll === 'Contacts' ? 'HasValidationErrors' : 'HasErrors']: true,
      ...(summarize ? {} : { StatusAttributeString: 'ERROR' }),
      ValidationErrors: r.errors.map((Message) => ({ Message })),
    };
  };
  if (!summarize || results.every((r) => r.ok)) return sendJson(c, envelope(state, providerName(state, c), coll, results.map(element)));
  return sendJson(c, validationException(results.filter((r) => !r.ok).map(element)), 400);
}
