/**
 * The subset of Okta's filter/search expression language the sandbox understands
 * (reference okta-api.md §1.3): `attr op "value"` terms joined by `and` / `or`, with parentheses.
 * Attribute names are case-sensitive; operators and string values are compared case-insensitively
 * (reference §1.3 "property names case-sensitive, operators and values case-insensitive").
 */
import { assertNever } from '../../domain/errors.js';

export type Operator = 'eq' | 'sw' | 'co' | 'ew' | 'gt' | 'ge' | 'lt' | 'le' | 'pr';

export type Expression =
  | { readonly kind: 'term'; readonly attr: string; readonly op: Operator; readonly value: string | number | boolean | null }
  | { readonly kind: 'and' | 'or'; readonly left: Expression; readonly right: Expression };

/** Thrown for an expression the sandbox (like Okta) refuses; the API answers 400 E0000031. */
export class InvalidExpression extends Error {
  override name = 'InvalidExpression';
}

type Token =
  | { t: 'word'; v: string }
  | { t: 'string'; v: string }
  | { t: '(' }
  | { t: ')' };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ t: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new InvalidExpression('unterminated string');
      try {
        out.push({ t: 'string', v: JSON.parse(text.slice(i, j + 1)) as string });
      } catch {
        throw new InvalidExpression('invalid string literal');
      }
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s()"]/.test(text[j]!)) j++;
      out.push({ t: 'word', v: text.slice(i, j) });
      i = j;
    }
  }
  return out;
}

const OPERATORS = new Set<Operator>(['eq', 'sw', 'co', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);

export function parseExpression(text: string): Expression {
  const tokens = tokenize(text);
  let pos = 0;
  const peekWord = (): string | null => {
    const tok = tokens[pos];
    return tok && tok.t === 'word' ? tok.v.toLowerCase() : null;
  };
  const parseOr = (): Expression => {
    let left = parseAnd();
    while (peekWord() === 'or') {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Expression => {
    let left = parseTerm();
    while (peekWord() === 'and') {
      pos++;
      left = { kind: 'and', left, right: parseTerm() };
    }
    return left;
  };
  const parseTerm = (): Expression => {
    const tok = tokens[pos++];
    if (!tok) throw new InvalidExpression('expression ends too early');
    if (tok.t === '(') {
      const inner = parseOr();
      if (tokens[pos++]?.t !== ')') throw new InvalidExpression('missing )');
      return inner;
    }
    if (tok.t !== 'word') throw new InvalidExpression('expected an attribute name');
    const opTok = tokens[pos++];
    const op = opTok?.t === 'word' ? (opTok.v.toLowerCase() as Operator) : null;
    if (!op || !OPERATORS.has(op)) throw new InvalidExpression(`unknown operator after ${tok.v}`);
    if (op === 'pr') return { kind: 'term', attr: tok.v, op, value: null };
    const valTok = tokens[pos++];
    if (!valTok) throw new InvalidExpression('missing value');
    if (valTok.t === 'string') return { kind: 'term', attr: tok.v, op, value: valTok.v };
    if (valTok.t === 'word') {
      const w = valTok.v.toLowerCase();
      if (w === 'true' || w === 'false') return { kind: 'term', attr: tok.v, op, value: w === 'true' };
      if (w === 'null') return { kind: 'term', attr: tok.v, op, value: null };
      if (/^-?\d+(\.\d+)?$/.test(w)) return { kind: 'term', attr: tok.v, op, value: Number(w) };
    }
    throw new InvalidExpression('invalid value');
  };
  const expr = parseOr();
  if (pos !== tokens.length) throw new InvalidExpression('unexpected text after expression');
  return expr;
}

/** Rules for one endpoint's `filter` or `search`: which attributes take which operators. */
export type AttributeRules = (attr: string) => readonly Operator[] | null;

export function checkExpression(expr: Expression, rules: AttributeRules): void {
  if (expr.kind !== 'term') {
    checkExpression(expr.left, rules);
    checkExpression(expr.right, rules);
    return;
  }
  const allowed = rules(expr.attr);
  if (!allowed || !allowed.includes(expr.op)) throw new InvalidExpression(`${expr.attr} ${expr.op} is not supported`);
}

function compare(actual: unknown, op: Operator, value: string | number | boolean | null, exactCase: boolean): boolean {
  // A multi-valued attribute (a System Log event's `target.id`) matches when any of its values does.
  if (Array.isArray(actual)) return actual.some((a) => compare(a, op, value, exactCase));
  if (op === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (actual === undefined || actual === null) return value === null && op === 'eq';
  if (typeof value === 'string') {
    const a = exactCase ? String(actual) : String(actual).toLowerCase();
    const v = exactCase ? value : value.toLowerCase();
    switch (op) {
      case 'eq': return a === v;
      case 'sw': return a.startsWith(v);
      case 'co': return a.includes(v);
      case 'ew': return a.endsWith(v);
      case 'gt': return a > v;
      case 'ge': return a >= v;
      case 'lt': return a < v;
      case 'le': return a <= v;
      default: return false;
    }
  }
  if (op === 'eq') return actual === value;
  if (typeof value === 'number' && typeof actual === 'number') {
    switch (op) {
      case 'gt': return actual > value;
      case 'ge': return actual >= value;
      case 'lt': return actual < value;
      case 'le': return actual <= value;
      default: return false;
    }
  }
  return false;
}

/**
 * `exactCase`: Okta's `filter` compares values case-sensitively ("Filtering is case-sensitive for
 * property names and query values", Okta Management API reference, Filter), `search` does not.
 */
export function evaluate(expr: Expression, get: (attr: string) => unknown, exactCase = false): boolean {
  switch (expr.kind) {
    case 'and': return evaluate(expr.left, get, exactCase) && evaluate(expr.right, get, exactCase);
    case 'or': return evaluate(expr.left, get, exactCase) || evaluate(expr.right, get, exactCase);
    case 'term': return compare(get(expr.attr), expr.op, expr.value, exactCase);
    default: return assertNever(expr, 'expression');
  }
}

/** How many comparisons an expression holds (Okta refuses overly complex or long queries). */
export function termCount(expr: Expression): number {
  return expr.kind === 'term' ? 1 : termCount(expr.left) + termCount(expr.right);
}
