// GET/PUT/POST /Contacts and /Contacts/{id}.
import { Hono } from 'hono';
import type { Json, Stored } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { boolParam, listParam, queryOf, sendJson, sendText, type Ctx, type SandboxEnv } from '../http/env.js';
import { highVolumeException, NOT_FOUND_TEXT, queryParseException } from '../http/xero-errors.js';
import { envelope, listRecords } from '../query/list-query.js';
import { WhereSyntaxError } from '../query/where-parser.js';
import { HighVolumeError } from '../query/high-volume.js';
import { MSG, writeContact, type ElementResult } from './contact-rules.js';
import { answerBatch, providerName, readElements } from './write-batch.js';

const SEARCH_FIELDS = ['Name', 'FirstName', 'LastName', 'ContactNumber', 'EmailAddress'];
/**
 * What summaryOnly leaves out, as Xero's Contacts page lists it ("Retrieving a smaller lightweight response using the
 * 'summaryOnly' parameter"): the customer and supplier flags too, so a summary listing cannot refresh them.
 */
const SUMMARY_DROP = [
  'Addresses',
  'Balances',
  'ContactGroups',
  'ContactPersons',
  'IsCustomer',
  'IsSupplier',
  'PurchasesDefaultAccountCode',
  'PurchasesTrackingCategories',
  'SalesDefaultAccountCode',
  'SalesTrackingCategories',
];

export function contactsRoutes(state: SandboxState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  app.get('/Contacts', (c) => {
    const q = queryOf(c);
    const ids = listParam(q.get('ids'))?.map((s) => s.toLowerCase());
    const includeArchived = boolParam(q.get('includearchived')) ?? false;
    const term = q.get('searchterm')?.trim().toLowerCase();
    const summaryOnly = boolParam(q.get('summaryonly')) ?? false;
    const filter = (s: Stored): boolean =>
      (ids ? ids.includes(s.id) : includeArchived || s.data.ContactStatus !== 'ARCHIVED') &&
      (!term ||
        SEARCH_FIELDS.some((f) =>
          String(s.data[f] ?? '')
            .toLowerCase()
            .includes(term),
        ));
    const paged = q.has('page');
    const render = (s: Stored): Json => {
      const json = state.render(s); // a copy: the memoised rendering must stay whole
      if (summaryOnly) for (const f of SUMMARY_DROP) delete json[f];
      // Returned only when paging or fetching by id (xero_accounting.yaml, Contact.MergedToContactID).
      if (!paged) delete json.MergedToContactID;
      return json;
    };
    try {
      const { items, pagination } = listRecords(state, c.get('tenantId'), {
        coll: 'Contacts',
        query: q,
        ifModifiedSince: c.req.header('if-modified-since'),
        filter,
        render,
      });
      return sendJson(c, envelope(state, providerName(state, c), 'Contacts', items, pagination));
    } catch (e) {
      if (e instanceof WhereSyntaxError) return sendJson(c, queryParseException(e.message), 400);
      if (e instanceof HighVolumeError) return sendJson(c, highVolumeException(e.coll), 400);
      throw e;
    }
  });

  const find = (tenantId: string, idOrNumber: string): Stored | undefined =>
    state.get(tenantId, 'Contacts', idOrNumber) ?? state.list(tenantId, 'Contacts').find((s) => s.data.ContactNumber === idOrNumber);

  app.get('/Contacts/:id', (c) => {
    const s = find(c.get('tenantId'), c.req.param('id'));
    if (!s) return sendText(c, NOT_FOUND_TEXT, 404);
    return sendJson(c, envelope(state, providerName(state, c), 'Contacts', [state.render(s)]));
  });

  const write =
    (mode: 'create' | 'upsert') =>
    async (c: Ctx): Promise<Response> => {
      const elements = await readElements(c, 'Contacts', 'Contact');
      if (elements instanceof Response) return elements;
      const tenantId = c.get('tenantId');
      const results = elements.map((el): ElementResult => {
        const id = typeof el.ContactID === 'string' && el.ContactID !== '' ? el.ContactID : undefined;
        if (mode === 'create' || !id) return writeContact(state, tenantId, el, undefined);
        const target = state.get(tenantId, 'Contacts', id);
        if (!target) return { ok: false, echo: el, errors: [MSG.notFound(id)] };
        return writeContact(state, tenantId, el, target);
      });
      return answerBatch(state, c, 'Contacts', results);
    };
  app.put('/Contacts', write('create'));
  app.post('/Contacts', write('upsert'));

  app.post('/Contacts/:id', async (c) => {
    const tenantId = c.get('tenantId');
    const target = find(tenantId, c.req.param('id'));
    if (!target) return sendText(c, NOT_FOUND_TEXT, 404);
    const elements = await readElements(c, 'Contacts', 'Contact');
    if (elements instanceof Response) return elements;
    return answerBatch(state, c, 'Contacts', [writeContact(state, tenantId, elements[0]!, target)]);
  });

  return app;
}
