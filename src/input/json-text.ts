import { DEFAULTS } from '../defaults.ts';
// Raw JSON text is read once before JSON.parse, without recursion: a body that nests deeper
// than the limit, or that holds a number a JavaScript double cannot keep (1e400 becomes
// Infinity and then null, a 30-digit integer is rounded), is refused naming where, instead of
// failing deep in a validator or the database, or being stored changed.

/** Depth of a JSON body when MAX_JSON_DEPTH is not set: arrays and objects inside each other. */
export const DEFAULT_MAX_JSON_DEPTH = DEFAULTS.MAX_JSON_DEPTH;

/** An open array or object; an object's current key is kept as its span in the text, decoded only for a message. */
interface Frame {
  array: boolean;
  index: number;
  keyStart: number;
  keyEnd: number;
  expectKey: boolean;
}

function keyOf(raw: string): string {
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw.slice(1, -1);
  }
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Where the scan is, as the field path validation errors use (a.0.b), cut short when deep. */
function pathOf(text: string, stack: Frame[], root: string): string {
  const parts = stack.map((f) =>
    f.array ? String(f.index) : f.keyEnd > f.keyStart ? keyOf(text.slice(f.keyStart, f.keyEnd)) : '',
  );
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  if (parts.length > 12) parts.splice(12, parts.length - 12, '…');
  return parts.length ? `${root === 'body' ? '' : `${root}.`}${parts.join('.')}` : root;
}

/** A decimal number as digits and a power of ten, leading and trailing zeros dropped ("0" for zero). */
function canonicalDecimal(text: string): string {
  const m = /^-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return text;
  const whole = m[1] ?? '';
  const fraction = m[2] ?? '';
  let digits = (whole + fraction).replace(/^0+/, '');
  let exponent = Number(m[3] ?? '0') - fraction.length;
  if (digits === '') return '0';
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  return `${text.startsWith('-') ? '-' : ''}${digits}e${exponent}`;
}

/** Whether JSON.parse and JSON.stringify give this number text back with the same value. */
export function numberSurvives(token: string): boolean {
  // Up to 15 significant digits and no exponent: always exact in a double.
  if (token.length <= 15 && !/[eE]/.test(token)) return true;
  const value = Number(token);
  if (!Number.isFinite(value)) return false;
  return canonicalDecimal(token) === canonicalDecimal(String(value));
}

/**
 * The first problem of raw JSON text as a message naming where (`root` for the value
 * itself), or null. Malformed JSON is left to JSON.parse to describe.
 */
export function jsonTextProblem(text: string, maxDepth: number, root = 'body'): string | null {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      if (j >= n) return null;
      if (top && !top.array && top.expectKey) {
        top.keyStart = i;
        top.keyEnd = j + 1;
        top.expectKey = false;
      }
      i = j + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) {
        return `${pathOf(text, stack, root)}: nests more than ${maxDepth} arrays and objects deep; the limit is ${maxDepth} (MAX_JSON_DEPTH)`;
      }
      stack.push({ array: c === 0x5b, index: 0, keyStart: 0, keyEnd: 0, expectKey: c === 0x7b });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      if (top) {
        if (top.array) top.index++;
        else top.expectKey = true;
      }
      i++;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) j++;
        else break;
      }
      const token = text.slice(i, j);
      if (JSON_NUMBER.test(token) && !numberSurvives(token)) {
        return `${pathOf(text, stack, root)}: the number ${token.length > 40 ? `${token.slice(0, 40)}…` : token} cannot be kept exactly (numbers must fit a 64-bit double: at most 15 significant digits are always safe, magnitudes up to about 1.8e308); send it as a string`;
      }
      i = j;
    } else {
      i++;
    }
  }
  return null;
}
