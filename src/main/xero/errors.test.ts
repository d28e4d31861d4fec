import { describe, expect, it } from 'vitest';
import { parseXeroNodeRejection, rateHeaders, toXeroError, XeroApiError, XeroNetworkError } from './errors';

const rejection = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
  JSON.stringify({ response: { statusCode, body, headers, request: { headers: { 'xero-tenant-id': 't' } } }, body });

describe("xero-node's rejections", () => {
  it("carries Xero's validation messages in a typed error", () => {
    const body = {
      ErrorNumber: 10,
      Type: 'ValidationException',
      Message: 'A validation exception occurred',
      Elements: [
        { ValidationErrors: [{ Message: 'The Account Number already exists. Please enter a different Account Number.' }] },
        {
          ValidationErrors: [
            { Message: 'The Account Number already exists. Please enter a different Account Number.' },
            { Message: 'Invoice # must be unique.' },
          ],
        },
      ],
    };
    const f = parseXeroNodeRejection(rejection(400, body));
    expect(f).toMatchObject({ status: 400, network: false });
    const e = toXeroError(f, 'PUT /Contacts');
    expect(e).toBeInstanceOf(XeroApiError);
    expect((e as XeroApiError).validationMessages).toEqual([
      'The Account Number already exists. Please enter a different Account Number.',
      'Invoice # must be unique.',
    ]);
    expect(e.message).toBe(
      'PUT /Contacts: Xero answered 400: The Account Number already exists. Please enter a different Account Number.; Invoice # must be unique.',
    );
  });

  it('reads problem details, plain-text pages and the rate headers', () => {
    const f = parseXeroNodeRejection(
      rejection(
        429,
        { Title: 'Too Many Requests', Detail: 'Rate limit exceeded' },
        { 'retry-after': '37', 'x-rate-limit-problem': 'minute', 'x-minlimit-remaining': '0' },
      ),
    );
    expect(f.headers).toEqual({ retryAfterSeconds: 37, rateLimitProblem: 'minute', minRemaining: 0 });
    expect(toXeroError(f, 'GET /Contacts').message).toBe('GET /Contacts: Xero answered 429: Too Many Requests: Rate limit exceeded');
    const offline = toXeroError(
      parseXeroNodeRejection(rejection(503, 'The Xero API is currently offline for maintenance')),
      'GET /Invoices',
    );
    expect(offline.message).toContain('503: The Xero API is currently offline for maintenance');
    expect(rateHeaders({ 'X-DayLimit-Remaining': '4999' })).toEqual({ dayRemaining: 4999 });
  });

  it('treats no answer, and an answer that broke off, as network failures', () => {
    const reset = parseXeroNodeRejection(rejection(0, 'read ECONNRESET'));
    const cut = parseXeroNodeRejection(rejection(200, 'aborted'));
    expect(reset.network && cut.network).toBe(true);
    expect(toXeroError(cut, 'GET /Contacts page 2')).toBeInstanceOf(XeroNetworkError);
    expect(parseXeroNodeRejection('not json')).toMatchObject({ status: 0, network: true });
    expect(parseXeroNodeRejection(new Error('Required parameter xeroTenantId was null'))).toMatchObject({ network: false });
  });
});

describe('a HighVolumeException', () => {
  it('names what Xero would not list, quotes Xero, and says what to do', () => {
    const body = {
      ErrorNumber: 51,
      Type: 'HighVolumeException',
      Message: 'Your request is not filtering CreditNotes efficiently, given the extremely high volume for this organisation.',
    };
    const e = toXeroError(parseXeroNodeRejection(rejection(400, body)), 'GET /CreditNotes page 2');
    expect(e).toBeInstanceOf(XeroApiError);
    expect(e.message).toBe(
      'GET /CreditNotes page 2: Xero would not list the credit notes: the organisation holds too many for the way the app asked. Nothing is wrong with your books and nothing in Xero was changed. Please report this message: the app needs an update to ask in a way Xero accepts. (Xero said: "Your request is not filtering CreditNotes efficiently, given the extremely high volume for this organisation.")',
    );
    expect(toXeroError(parseXeroNodeRejection(rejection(400, { Type: 'HighVolumeException' })), 'GET /Contacts').message).toMatch(
      /^GET \/Contacts: Xero would not list these records: /,
    );
  });
});
