/**
 * The small boolean language of Argo's `when` (after substitution) and of DAG `depends`:
 * operands joined by && and ||, negated by !, grouped by parentheses, and compared with
 * == != < > <= >= (for `when`). Operands are quoted strings or bare words.
 */
export type Expr =
  | { type: 'or' | 'and'; left: Expr; right: Expr }
  | { type: 'not'; operand: Expr }
  | { type: 'compare'; op: CompareOp; left: string; right: string }
  | { type: 'operand'; value: string };

export type CompareOp = '==' | '!=' | '<' | '>' | '<=' | '>=';

const TOKEN = /\s*(\(|\)|&&|\|\||==|!=|<=|>=|<|>|!|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s()!<>=&|'"]+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`cannot read '${text.slice(index).trim()}' in '${text}'`);
    tokens.push(match[1] as string);
    index = TOKEN.lastIndex;
  }
  return tokens;
}

const unquote = (token: string) =>
  /^(['"]).*\1$/s.test(token) ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;

export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const operand = (): string => {
    const token = next();
    if (
      token === undefined ||
      ['(', ')', '&&', '||', '!', '==', '!=', '<', '>', '<=', '>='].includes(token)
    ) {
      throw new Error(
        `expected a value ${token === undefined ? 'at the end' : `before '${token}'`} of '${text}'`,
      );
    }
    return unquote(token);
  };
  const primary = (): Expr => {
    if (peek() === '!') {
      next();
      return { type: 'not', operand: primary() };
    }
    if (peek() === '(') {
      next();
      const inner = or();
      if (next() !== ')') throw new Error(`missing ')' in '${text}'`);
      return inner;
    }
    const left = operand();
    const op = peek();
    if (op === '==' || op === '!=' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      next();
      return { type: 'compare', op, left, right: operand() };
    }
    return { type: 'operand', value: left };
  };
  const and = (): Expr => {
    let left = primary();
    while (peek() === '&&') {
      next();
      left = { type: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Expr => {
    let left = and();
    while (peek() === '||') {
      next();
      left = { type: 'or', left, right: and() };
    }
    return left;
  };
  if (tokens.length === 0) throw new Error('the expression is empty');
  const expr = or();
  if (pos < tokens.length) throw new Error(`unexpected '${tokens[pos]}' in '${text}'`);
  return expr;
}

export function evaluate(
  expr: Expr,
  operand: (value: string) => boolean,
  compare: (op: CompareOp, a: string, b: string) => boolean,
): boolean {
  switch (expr.type) {
    case 'or':
      return evaluate(expr.left, operand, compare) || evaluate(expr.right, operand, compare);
    case 'and':
      return evaluate(expr.left, operand, compare) && evaluate(expr.right, operand, compare);
    case 'not':
      return !evaluate(expr.operand, operand, compare);
    case 'compare':
      return compare(expr.op, expr.left, expr.right);
    case 'operand':
      return operand(expr.value);
  }
}

/** Every operand of an expression (for `depends`: the task references). */
export function operands(expr: Expr): string[] {
  switch (expr.type) {
    case 'or':
    case 'and':
      return [...operands(expr.left), ...operands(expr.right)];
    case 'not':
      return operands(expr.operand);
    case 'compare':
      return [expr.left, expr.right];
    case 'operand':
      return [expr.value];
  }
}

/** Argo `when`, after substitution: numbers compare as numbers, everything else as strings. */
export function evaluateWhen(text: string): boolean {
  const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
  return evaluate(
    parseExpression(text),
    (value) => {
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw new Error(`'${value}' is not true or false`);
    },
    (op, a, b) => {
      const [x, y]: [number | string, number | string] =
        isNumber(a) && isNumber(b) ? [Number(a), Number(b)] : [a, b];
      switch (op) {
        case '==':
          return x === y;
        case '!=':
          return x !== y;
        case '<':
          return x < y;
        case '>':
          return x > y;
        case '<=':
          return x <= y;
        case '>=':
          return x >= y;
      }
    },
  );
}
