// GET/PUT /Invoices and GET /CreditNotes (sales and purchase documents).
import { Hono } from 'hono';
import type { Collection, Json, Stored } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { boolParam, listParam, queryOf, sendJson, sendText, type Ctx, type SandboxEnv } from '../http/env.js';
import { highVolumeException, NOT_FOUND_TEXT, queryParseException } from '../http/xero-errors.js';
import { envelope, listRecords } from '../query/list-query.js';
import { WhereSyntaxError } from '../query/where-parser.js';
import { HighVolumeError } from '../query/high-volume.js';
import { documentView, renderDocument, writeInvoice } from './invoice-rules.js';
import { answerBatch, providerName, readElements } from './write-batch.js';

const SUMMARY_DROP = ['LineItems', 'Payments', 'CreditNotes', 'Prepayments', 'Overpayments', 'Allocations'];

/** Invoice-only list parameters (comma lists). */
function invoiceFilter(q: Map<string, string>): (s: Stored) => boolean {
  const ids = listParam(q.get('ids'))?.map((v) => v.toLowerCase());
  const numbers = listParam(q.get('invoicenumbers'))?.map((v) => v.toLowerCase());
  const contactIds = listParam(q.get('contactids'))?.map((v) => v.toLowerCase());
  const statuses = listParam(q.get('statuses'))?.map((v) => v.toUpperCase());
  const term = q.get('searchterm')?.trim().toLowerCase();
  return (s) =>
    (!ids || ids.includes(s.id)) &&
    (!numbers || numbers.includes(String(s.data.InvoiceNumber ?? '').toLowerCase())) &&
    (!contactIds || contactIds.includes(String((s.data.Contact as Json | undefined)?.ContactID ?? '').toLowerCase())) &&
    (!statuses || statuses.includes(String(s.data.Status ?? ''))) &&
    (!term ||
      [s.data.InvoiceNumber, s.data.Reference].some((v) =>
        String(v ?? '')
          .toLowerCase()
          .includes(term),
      ));
}

function list(state: SandboxState, c: Ctx, coll: Collection, filter?: (s: Stored) => boolean): Response {
  const q = queryOf(c);
  const tenantId = c.get('tenantId');
  // Line items come only with paging (or by id), as in Xero; summaryOnly drops them too.
  const lean = (boolParam(q.get('summaryonly')) ?? false) || q.get('page') === undefined;
  const view = (s: Stored): Readonly<Json> => documentView(state, tenantId, s);
  const render = (s: Stored): Json => {
    const json = renderDocument(state, tenantId, s); // a copy: the memoised view must stay whole
    if (lean) for (const f of SUMMARY_DROP) delete json[f];
    return json;
  };
  try {
    const ifModifiedSince = c.req.header('if-modified-since');
    const { items, pagination } = listRecords(state, tenantId, { coll, query: q, ifModifiedSince, filter, view, render });
    return sendJson(c, envelope(state, providerName(state, c), coll, items, pagination));
  } catch (e) {
    if (e instanceof WhereSyntaxError) return sendJson(c, queryParseException(e.message), 400);
    if (e instanceof HighVolumeError) return sendJson(c, highVolumeException(e.coll), 400);
    throw e;
  }
}

function getOne(state: SandboxState, c: Ctx, coll: Collection, numberField: string): Response {
  const tenantId = c.get('tenantId');
  const id = c.req.param('id') ?? '';
  const s = state.get(tenantId, coll, id) ?? state.list(tenantId, coll).find((x) => String(x.data[numberField] ?? '') === id);
  if (!s) return sendText(c, NOT_FOUND_TEXT, 404);
  return sendJson(c, envelope(state, providerName(state, c), coll, [renderDocument(state, tenantId, s)]));
}

export function documentsRoutes(state: SandboxState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/Invoices', (c) => list(state, c, 'Invoices', invoiceFilter(queryOf(c))));
  app.get('/Invoices/:id', (c) => getOne(state, c, 'Invoices', 'InvoiceNumber'));
  app.get('/CreditNotes', (c) => list(state, c, 'CreditNotes'));
  app.get('/CreditNotes/:id', (c) => getOne(state, c, 'CreditNotes', 'CreditNoteNumber'));
  app.put('/Invoices', async (c) => {
    const elements = await readElements(c, 'Invoices', 'Invoice');
    if (elements instanceof Response) return elements;
    const tenantId = c.get('tenantId');
    return answerBatch(
      state,
      c,
      'Invoices',
      elements.map((el) => writeInvoice(state, tenantId, el)),
    );
  });
  return app;
}
