/**
 * The calculator tool's arithmetic: a small recursive-descent parser over + - * / % ^ and
 * parentheses (`x` and `×` read as `*`). One pass over the input, no `eval`; the input
 * comes from a model, so its length and nesting are bounded.
 */

const MAX_LENGTH = 200;
const MAX_DEPTH = 32;

export class CalculatorError extends Error {
  override name = 'CalculatorError';
}

export function evaluateArithmetic(expression: string): number {
  if (expression.length > MAX_LENGTH) {
    throw new CalculatorError(`expression longer than ${MAX_LENGTH} characters`);
  }
  let pos = 0;
  let depth = 0;

  const skipSpaces = (): void => {
    while (pos < expression.length && /\s/.test(expression[pos])) pos++;
  };
  const peek = (): string => {
    skipSpaces();
    return expression[pos] ?? '';
  };
  const fail = (what: string): never => {
    throw new CalculatorError(`${what} at position ${pos + 1} of "${expression}"`);
  };

  const number = (): number => {
    const start = pos;
    while (pos < expression.length && /[0-9.]/.test(expression[pos])) pos++;
    const text = expression.slice(start, pos);
    if (text === '' || text.split('.').length > 2) fail('expected a number');
    return Number(text);
  };

  const primary = (): number => {
    if (peek() === '(') {
      pos++;
      if (++depth > MAX_DEPTH) fail('too deeply nested');
      const value = sum();
      if (peek() !== ')') fail('expected ")"');
      pos++;
      depth--;
      return value;
    }
    return number();
  };

  const unary = (): number => {
    const c = peek();
    if (c === '-' || c === '+') {
      pos++;
      if (++depth > MAX_DEPTH) fail('too many signs');
      const value = unary();
      depth--;
      return c === '-' ? -value : value;
    }
    const base = primary();
    if (peek() === '^') {
      pos++;
      if (++depth > MAX_DEPTH) fail('too many powers');
      const exponent = unary();
      depth--;
      return base ** exponent;
    }
    return base;
  };

  const product = (): number => {
    let value = unary();
    for (;;) {
      const op = peek();
      if (op !== '*' && op !== '/' && op !== '%' && op !== 'x' && op !== '×') return value;
      pos++;
      const rhs = unary();
      if ((op === '/' || op === '%') && rhs === 0) fail('division by zero');
      value = op === '/' ? value / rhs : op === '%' ? value % rhs : value * rhs;
    }
  };

  function sum(): number {
    let value = product();
    for (;;) {
      const op = peek();
      if (op !== '+' && op !== '-') return value;
      pos++;
      const rhs = product();
      value = op === '+' ? value + rhs : value - rhs;
    }
  }

  const result = sum();
  if (peek() !== '') fail(`unexpected "${expression[pos]}"`);
  if (!Number.isFinite(result)) throw new CalculatorError(`"${expression}" is not a finite number`);
  return result;
}
