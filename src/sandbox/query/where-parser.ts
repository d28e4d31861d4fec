// Parses the subset of Xero's `where` syntax (a .NET Dynamic LINQ expression) that integrations use:
//   Name=="Acme" AND (ContactStatus!="ARCHIVED" OR AccountNumber.StartsWith("AC"))
//   Contact.ContactID==Guid("…")   Date>=DateTime(2024,01,31)   Name.ToLower().Contains("acme")   IsCustomer==true

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'guid'; value: string }
  | { kind: 'date'; value: number };

export type CmpOp = '==' | '!=' | '>' | '>=' | '<' | '<=';
export type Method = 'Contains' | 'StartsWith' | 'EndsWith';

export type WhereNode =
  | { t: 'and'; a: WhereNode; b: WhereNode }
  | { t: 'or'; a: WhereNode; b: WhereNode }
  | { t: 'not'; a: WhereNode }
  // `folded`: the field went through ToLower(), ToUpper() or Trim() first (which Xero cannot optimise)
  | { t: 'cmp'; field: string; op: CmpOp; value: Literal; folded?: true }
  | { t: 'call'; field: string; method: Method; arg: string; folded?: true }
  | { t: 'truthy'; field: string };

export class WhereSyntaxError extends Error {}

type Tok = { k: 'id' | 'str' | 'num' | 'op' | 'punct'; v: string; at: number };

const OPS = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '=', '!'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '"') {
      let v = '';
      let j = i + 1;
      for (; j < src.length && src[j] !== '"'; j++) v += src[j] === '\\' && j + 1 < src.length ? src[++j] : src[j];
      if (j >= src.length) throw new WhereSyntaxError(`Unterminated string literal at ${i}`);
      out.push({ k: 'str', v, at: i });
      i = j + 1;
    } else if (/[0-9-]/.test(ch) && /[0-9]/.test(src[i + (ch === '-' ? 1 : 0)] ?? '')) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i))!;
      out.push({ k: 'num', v: m[0], at: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ k: 'id', v: m[0], at: i });
      i += m[0].length;
    } else if ('().,'.includes(ch)) {
      out.push({ k: 'punct', v: ch, at: i++ });
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new WhereSyntaxError(`Syntax error at ${i}: unexpected '${ch}'`);
      out.push({ k: 'op', v: op, at: i });
      i += op.length;
    }
  }
  return out;
}

export function parseWhere(src: string): WhereNode {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isWord = (w: string): boolean => peek()?.k === 'id' && peek()!.v.toUpperCase() === w;
  const isTok = (k: Tok['k'], v: string): boolean => peek()?.k === k && peek()!.v === v;
  const expect = (k: Tok['k'], v?: string): Tok => {
    const t = peek();
    if (!t || t.k !== k || (v !== undefined && t.v !== v)) throw new WhereSyntaxError(`'${v ?? k}' expected at ${t?.at ?? src.length}`);
    p++;
    return t;
  };

  const orExpr = (): WhereNode => {
    let a = andExpr();
    while (isWord('OR') || isTok('op', '||')) {
      p++;
      a = { t: 'or', a, b: andExpr() };
    }
    return a;
  };
  const andExpr = (): WhereNode => {
    let a = unary();
    while (isWord('AND') || isTok('op', '&&')) {
      p++;
      a = { t: 'and', a, b: unary() };
    }
    return a;
  };
  const unary = (): WhereNode => {
    if (isWord('NOT') || isTok('op', '!')) {
      p++;
      return { t: 'not', a: unary() };
    }
    if (isTok('punct', '(')) {
      p++;
      const e = orExpr();
      expect('punct', ')');
      return e;
    }
    return predicate();
  };
  const predicate = (): WhereNode => {
    const parts = [expect('id').v];
    let folded = false;
    while (isTok('punct', '.')) {
      p++;
      const name = expect('id').v;
      if (!isTok('punct', '(')) {
        parts.push(name);
        continue;
      }
      p++;
      if (name === 'ToLower' || name === 'ToUpper' || name === 'Trim') {
        expect('punct', ')'); // case is ignored anyway
        folded = true;
        continue;
      }
      if (name !== 'Contains' && name !== 'StartsWith' && name !== 'EndsWith')
        throw new WhereSyntaxError(`No applicable method '${name}' exists`);
      const arg = expect('str').v;
      expect('punct', ')');
      return { t: 'call', field: parts.join('.'), method: name, arg, ...(folded ? { folded: true as const } : {}) };
    }
    const field = parts.join('.');
    const t = peek();
    if (t?.k !== 'op' || ['&&', '||', '!'].includes(t.v)) return { t: 'truthy', field };
    p++;
    return { t: 'cmp', field, op: (t.v === '=' ? '==' : t.v) as CmpOp, value: literal(), ...(folded ? { folded: true as const } : {}) };
  };
  const literal = (): Literal => {
    const t = peek();
    if (!t) throw new WhereSyntaxError('Expression expected');
    p++;
    if (t.k === 'str') return { kind: 'string', value: t.v };
    if (t.k === 'num') return { kind: 'number', value: Number(t.v) };
    if (t.k === 'id') {
      const w = t.v.toLowerCase();
      if (w === 'true' || w === 'false') return { kind: 'bool', value: w === 'true' };
      if (w === 'null') return { kind: 'null' };
      if (w === 'guid') {
        expect('punct', '(');
        const v = expect('str').v;
        expect('punct', ')');
        return { kind: 'guid', value: v.toLowerCase() };
      }
      if (w === 'datetime') {
        expect('punct', '(');
        const n = [Number(expect('num').v)];
        while (isTok('punct', ',')) {
          p++;
          n.push(Number(expect('num').v));
        }
        expect('punct', ')');
        const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = n;
        return { kind: 'date', value: Date.UTC(y, mo - 1, d, h, mi, s) };
      }
    }
    throw new WhereSyntaxError(`Syntax error at ${t.at}: unexpected '${t.v}'`);
  };

  const node = orExpr();
  if (p < toks.length) throw new WhereSyntaxError(`Syntax error at ${toks[p]!.at}: unexpected '${toks[p]!.v}'`);
  return node;
}
