/** Generates a value that validates against a (reasonable subset of) JSON Schema. */
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-util.ts';

export interface SampleHints {
  /** Capitalised words found in the prompt (city names etc.). */
  words: string[];
  /** Numbers found in the prompt, consumed in order by numeric properties. */
  numbers: number[];
  /** A math expression found in the prompt, if any. */
  expression?: string;
  /** First 60 characters of the last user text. */
  snippet: string;
  /** Whole prompt text (for enum matching). */
  text: string;
  /** Which candidate word to prefer (parallel calls use 0, 1, 2…). */
  variant: number;
  mode: 'tool' | 'json';
}

const LOCATION = /city|location|place|country|town|destination|region|address/i;
const NAME = /name|title|label/i;
const FREE_TEXT = /query|question|prompt|text|message|description|summary|answer|content|reason/i;
const EXPRESSION = /expr|formula|equation|calculation/i;

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return {};
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = asObject(node)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node ?? {};
}

function mergeAllOf(schemas: unknown[]): JsonObject {
  const merged: JsonObject = { type: 'object', properties: {}, required: [] };
  for (const s of schemas) {
    const o = asObject(s) ?? {};
    Object.assign(merged.properties as JsonObject, asObject(o.properties) ?? {});
    (merged.required as unknown[]).push(...asArray(o.required));
    if (o.type !== undefined && o.type !== 'object') merged.type = o.type;
  }
  return merged;
}

function firstType(schema: JsonObject): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t.toLowerCase();
  if (Array.isArray(t)) {
    const types = t.map((x) => String(x).toLowerCase());
    return types.find((x) => x !== 'null') ?? types[0];
  }
  if (isObject(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

export function sampleFromSchema(schema: unknown, hints: SampleHints): unknown {
  const numbers = [...hints.numbers];
  const text = hints.text.toLowerCase();

  const stringFor = (s: JsonObject, prop: string): string => {
    const format = asString(s.format);
    if (format === 'date-time') return '2026-01-01T00:00:00Z';
    if (format === 'date') return '2026-01-01';
    if (format === 'time') return '12:00:00';
    if (format === 'email') return 'user@example.com';
    if (format === 'uri' || format === 'url') return 'https://example.com';
    if (format === 'uuid') return '00000000-0000-4000-8000-000000000000';
    const word = hints.words[hints.variant] ?? hints.words[0];
    let value: string;
    if (EXPRESSION.test(prop)) value = hints.expression ?? '1+1';
    else if (LOCATION.test(prop)) value = word ?? 'Paris';
    else if (FREE_TEXT.test(prop)) value = hints.snippet || `example ${prop}`;
    else if (hints.mode === 'tool') value = word ?? 'Paris';
    else if (NAME.test(prop)) value = word ?? 'Emulated';
    else value = `example ${prop || 'value'}`;
    const min = asNumber(s.minLength) ?? 0;
    const max = asNumber(s.maxLength);
    if (value.length < min) value = value.padEnd(min, 'x');
    if (max !== undefined && value.length > max) value = value.slice(0, max);
    return value;
  };

  const numberFor = (s: JsonObject, integer: boolean): number => {
    let value = numbers.length > 0 ? numbers.shift()! : 1;
    const min = asNumber(s.minimum) ?? asNumber(s.exclusiveMinimum);
    const max = asNumber(s.maximum) ?? asNumber(s.exclusiveMaximum);
    if (min !== undefined && value < min) value = s.exclusiveMinimum !== undefined ? min + 1 : min;
    if (max !== undefined && value > max) value = s.exclusiveMaximum !== undefined ? max - 1 : max;
    return integer ? Math.round(value) : value;
  };

  const gen = (node: unknown, prop: string, depth: number): unknown => {
    let s = asObject(node);
    if (!s || depth > 8) return null;
    if (typeof s.$ref === 'string') s = asObject(resolveRef(schema, s.$ref)) ?? {};
    if ('const' in s) return s.const;
    const enumValues = asArray(s.enum);
    if (enumValues.length > 0) {
      return (
        enumValues.find((v) => typeof v === 'string' && text.includes(v.toLowerCase())) ??
        enumValues[0]
      );
    }
    const options = asArray(s.anyOf).length > 0 ? asArray(s.anyOf) : asArray(s.oneOf);
    if (options.length > 0) {
      const pick = options.find((o) => asObject(o)?.type !== 'null') ?? options[0];
      return gen(pick, prop, depth + 1);
    }
    if (asArray(s.allOf).length > 0)
      s = { ...s, ...mergeAllOf(asArray(s.allOf)), allOf: undefined };
    switch (firstType(s)) {
      case 'object': {
        const out: JsonObject = {};
        const props = asObject(s.properties) ?? {};
        for (const [key, child] of Object.entries(props)) out[key] = gen(child, key, depth + 1);
        for (const key of asArray(s.required)) {
          if (typeof key === 'string' && !(key in out)) out[key] = `example ${key}`;
        }
        return out;
      }
      case 'array': {
        const min = asNumber(s.minItems) ?? 1;
        const max = asNumber(s.maxItems);
        const count = Math.min(Math.max(1, min), max ?? Number.POSITIVE_INFINITY);
        const prefix = asArray(s.prefixItems);
        return Array.from({ length: count }, (_, i) =>
          gen(prefix[i] ?? s?.items ?? {}, prop.replace(/s$/, ''), depth + 1),
        );
      }
      case 'string':
        return stringFor(s, prop);
      case 'integer':
        return numberFor(s, true);
      case 'number':
        return numberFor(s, false);
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        return stringFor(s, prop);
    }
  };

  return gen(schema, '', 0);
}

/** Finds the first JSON object in free text that looks like an object schema. */
export function findSchemaInText(text: string): JsonObject | undefined {
  let start = text.indexOf('{');
  for (let attempts = 0; start >= 0 && attempts < 200; attempts++) {
    const end = matchingBrace(text, start);
    if (end > start) {
      try {
        const value: unknown = JSON.parse(text.slice(start, end + 1));
        if (isObject(value) && (value.type === 'object' || isObject(value.properties)))
          return value;
      } catch {
        // not JSON; keep scanning
      }
    }
    start = text.indexOf('{', start + 1);
  }
  return undefined;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
