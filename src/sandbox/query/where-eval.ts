// Evaluates a parsed `where` against rendered records, with Xero's field types (a Guid field needs Guid("…"),
// a date field DateTime(…)); string comparisons ignore case, as Xero's do.
import type { Collection, Json } from '../types.js';
import { parseAnyDate } from '../util/ms-date.js';
import { parseWhere, WhereSyntaxError, type Literal, type WhereNode } from './where-parser.js';

type FieldType = 'string' | 'guid' | 'date' | 'number' | 'bool';

const COMMON: Record<string, FieldType> = { UpdatedDateUTC: 'date', 'Contact.ContactID': 'guid', 'Contact.Name': 'string' };
const DOCUMENT: Record<string, FieldType> = {
  ...COMMON,
  Type: 'string',
  Status: 'string',
  Reference: 'string',
  Date: 'date',
  DueDate: 'date',
  CurrencyCode: 'string',
  SubTotal: 'number',
  TotalTax: 'number',
  Total: 'number',
  'Contact.AccountNumber': 'string',
  'Contact.ContactNumber': 'string',
};

export const WHERE_FIELDS: Record<Collection, Record<string, FieldType>> = {
  Contacts: {
    UpdatedDateUTC: 'date',
    ContactID: 'guid',
    ContactNumber: 'string',
    AccountNumber: 'string',
    ContactStatus: 'string',
    Name: 'string',
    FirstName: 'string',
    LastName: 'string',
    EmailAddress: 'string',
    CompanyNumber: 'string',
    TaxNumber: 'string',
    IsCustomer: 'bool',
    IsSupplier: 'bool',
  },
  Invoices: { ...DOCUMENT, InvoiceID: 'guid', InvoiceNumber: 'string', AmountDue: 'number', AmountPaid: 'number' },
  CreditNotes: { ...DOCUMENT, CreditNoteID: 'guid', CreditNoteNumber: 'string', RemainingCredit: 'number' },
};

const TYPE_NAME: Record<FieldType | Literal['kind'], string> = {
  string: 'String',
  guid: 'Guid',
  date: 'DateTime',
  number: 'Decimal',
  bool: 'Boolean',
  null: 'Object',
};

const ENTITY: Record<Collection, string> = { Contacts: 'Contact', Invoices: 'Invoice', CreditNotes: 'CreditNote' };

/** Compiles `where` into a predicate; throws WhereSyntaxError with a Dynamic-LINQ-like message. */
export function compileWhere(coll: Collection, src: string): (record: Json) => boolean {
  return predicateOf(coll, checkedWhere(coll, src));
}

/** A predicate for a tree from checkedWhere. */
export function predicateOf(coll: Collection, ast: WhereNode): (record: Json) => boolean {
  const fields = WHERE_FIELDS[coll];
  return (record) => evaluate(ast, record, fields);
}

/** Parses `where` and checks its fields and operand types; field names come back in their canonical spelling. */
export function checkedWhere(coll: Collection, src: string): WhereNode {
  const fields = WHERE_FIELDS[coll];
  const canonical = new Map(Object.keys(fields).map((f) => [f.toLowerCase(), f]));
  const resolve = (field: string): [string, FieldType] => {
    const name = canonical.get(field.toLowerCase());
    if (!name) throw new WhereSyntaxError(`No property or field '${field.split('.').pop()}' exists in type '${ENTITY[coll]}'`);
    return [name, fields[name]!];
  };
  const check = (node: WhereNode): void => {
    if (node.t === 'and' || node.t === 'or') {
      check(node.a);
      check(node.b);
    } else if (node.t === 'not') check(node.a);
    else {
      const [name, type] = resolve(node.field);
      node.field = name;
      if (node.t === 'call' && type !== 'string')
        throw new WhereSyntaxError(`No applicable method '${node.method}' exists in type '${TYPE_NAME[type]}'`);
      if (node.t === 'truthy' && type !== 'bool') throw new WhereSyntaxError(`Expression of type 'Boolean' expected`);
      if (node.t === 'cmp' && node.value.kind !== 'null' && !compatible(type, node.value)) {
        throw new WhereSyntaxError(
          `Operator '${node.op}' incompatible with operand types '${TYPE_NAME[type]}' and '${TYPE_NAME[node.value.kind]}'`,
        );
      }
    }
  };
  const ast = parseWhere(src);
  check(ast);
  return ast;
}

function compatible(type: FieldType, lit: Literal): boolean {
  if (type === 'number') return lit.kind === 'number';
  return type === lit.kind;
}

function get(record: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), record);
}

function evaluate(node: WhereNode, record: Json, fields: Record<string, FieldType>): boolean {
  switch (node.t) {
    case 'and':
      return evaluate(node.a, record, fields) && evaluate(node.b, record, fields);
    case 'or':
      return evaluate(node.a, record, fields) || evaluate(node.b, record, fields);
    case 'not':
      return !evaluate(node.a, record, fields);
    case 'truthy':
      return get(record, node.field) === true;
    case 'call': {
      const v = String(get(record, node.field) ?? '').toLowerCase();
      const arg = node.arg.toLowerCase();
      return node.method === 'Contains' ? v.includes(arg) : node.method === 'StartsWith' ? v.startsWith(arg) : v.endsWith(arg);
    }
    case 'cmp': {
      const raw = get(record, node.field);
      const actual = raw === undefined || raw === null || raw === '' ? null : raw;
      if (node.value.kind === 'null' || actual === null) {
        const same = (node.value.kind === 'null') === (actual === null);
        return node.op === '==' ? same : node.op === '!=' ? !same : false;
      }
      const type = fields[node.field]!;
      const a =
        type === 'date' ? (parseAnyDate(actual) ?? NaN) : type === 'string' || type === 'guid' ? String(actual).toLowerCase() : actual;
      const lit = node.value;
      const b = lit.kind === 'string' ? lit.value.toLowerCase() : lit.value;
      return compare(a as string | number | boolean, b, node.op);
    }
  }
}

function compare(a: string | number | boolean, b: string | number | boolean, op: string): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    default:
      return a <= b;
  }
}
