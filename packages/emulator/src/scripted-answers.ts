/**
 * What the emulator's models actually say: real answers to the questions a demo asks
 * (arithmetic, sums of ranges, primes, capitals, a few common topics), final answers
 * that use the tool results they were given, and reasoning that walks through the
 * steps. Deterministic: the same conversation always gets the same words. Everything
 * here scans bounded text with simple, linear patterns.
 */

export type Answer = { text: string; reasoning: string };

const MAX_SCAN = 2000; // only the start of a long prompt is looked at

// ---------------------------------------------------------------------------------------
// Arithmetic

type Token = { kind: 'num'; value: number } | { kind: 'op'; value: string };

const WORD_OPS: Array<[RegExp, string]> = [
  [/\bplus\b/g, '+'],
  [/\bminus\b/g, '-'],
  [/\b(?:times|multiplied by)\b/g, '*'],
  [/\bdivided by\b/g, '/'],
  [/\bto the power of\b/g, '^'],
];

/** Tokens of the first arithmetic expression in the text (at least one operator). */
function expressionTokens(text: string): { tokens: Token[]; source: string } | undefined {
  let s = text.slice(0, MAX_SCAN).toLowerCase();
  for (const [word, op] of WORD_OPS) s = s.replace(word, op);
  s = s
    .replace(/[×x](?=\s*[\d(])/g, '*')
    .replace(/÷/g, '/')
    .replace(/−/g, '-');
  let best: { tokens: Token[]; source: string } | undefined;
  let tokens: Token[] = [];
  let start = -1;
  let depth = 0;
  const flush = (end: number) => {
    while (tokens.length > 0 && tokens.at(-1)!.kind === 'op' && tokens.at(-1)!.value !== ')') {
      tokens.pop();
    }
    const ops = tokens.filter((t) => t.kind === 'op' && '+-*/^'.includes(t.value)).length;
    if (ops > 0 && depth === 0 && !best) best = { tokens, source: s.slice(start, end).trim() };
    tokens = [];
    start = -1;
    depth = 0;
  };
  let i = 0;
  while (i < s.length && !best) {
    const c = s[i]!;
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < s.length && ((s[j]! >= '0' && s[j]! <= '9') || s[j] === '.' || s[j] === ',')) j++;
      const raw = s.slice(i, j).replace(/,(?=\d{3}\b)/g, '');
      if (tokens.length > 0 && tokens.at(-1)!.kind === 'num') flush(i);
      if (start < 0) start = i;
      tokens.push({ kind: 'num', value: Number.parseFloat(raw) });
      i = j;
    } else if ('+-*/^'.includes(c) && start >= 0) {
      tokens.push({ kind: 'op', value: c });
      i++;
    } else if (c === '(') {
      if (start < 0) start = i;
      depth++;
      tokens.push({ kind: 'op', value: '(' });
      i++;
    } else if (c === ')' && depth > 0) {
      depth--;
      tokens.push({ kind: 'op', value: ')' });
      i++;
    } else if (c === ' ' || c === '\t') {
      i++;
    } else {
      if (start >= 0) flush(i);
      i++;
    }
  }
  if (!best && start >= 0) flush(s.length);
  return best;
}

/** Recursive-descent evaluation: + - over * / over ^ over unary minus and parentheses. */
function evaluate(tokens: Token[]): number | undefined {
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.kind === 'op' && peek()!.value === v;
  const primary = (): number => {
    if (isOp('-')) {
      pos++;
      return -primary();
    }
    if (isOp('(')) {
      pos++;
      const v = sum();
      if (!isOp(')')) throw new Error('unbalanced');
      pos++;
      return v;
    }
    const t = tokens[pos++];
    if (t?.kind !== 'num') throw new Error('number expected');
    return t.value;
  };
  const power = (): number => {
    const base = primary();
    if (isOp('^')) {
      pos++;
      return base ** power();
    }
    return base;
  };
  const product = (): number => {
    let v = power();
    while (isOp('*') || isOp('/')) {
      const op = tokens[pos++]!.value;
      const r = power();
      v = op === '*' ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (isOp('+') || isOp('-')) {
      const op = tokens[pos++]!.value;
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  try {
    const value = sum();
    return pos === tokens.length && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

function pretty(source: string): string {
  return source
    .replace(/\s*([+\-*/^])\s*/g, ' $1 ')
    .replace(/\*/g, '×')
    .replace(/\s+/g, ' ')
    .trim();
}

function arithmetic(text: string): Answer | undefined {
  const found = expressionTokens(text);
  if (!found) return undefined;
  const value = evaluate(found.tokens);
  if (value === undefined) return undefined;
  const expr = pretty(found.source);
  const steps =
    found.tokens.length > 3
      ? ' Multiplication and division first, then addition and subtraction, left to right.'
      : '';
  return {
    text: `${expr} = ${formatNumber(value)}.`,
    reasoning: `The question is a calculation: ${expr}.${steps} That gives ${formatNumber(value)}. Let me double-check by estimating: the result has the right size, so the answer is ${formatNumber(value)}.`,
  };
}

// ---------------------------------------------------------------------------------------
// Sums of ranges: "1..100", "1 + 2 + … + 100", "the numbers from 1 to 100"

function rangeSum(text: string): Answer | undefined {
  const s = text.slice(0, MAX_SCAN).toLowerCase();
  const match =
    s.match(/(\d{1,7})\s*(?:\.\.\.?|…|–|—)\s*(\d{1,7})/) ??
    s.match(/(\d{1,7})\s*\+\s*\d{1,7}\s*\+\s*(?:\.\.\.|…)\s*\+\s*(\d{1,7})/) ??
    (/\bsum\b|\badd\b|\btotal\b/.test(s)
      ? s.match(/from\s+(\d{1,7})\s+(?:to|through)\s+(\d{1,7})/)
      : null);
  if (!match || !/\bsum|\badd|\btotal|\+|how much/.test(s)) return undefined;
  const a = Number(match[1]);
  const b = Number(match[2]);
  if (!(b > a)) return undefined;
  const count = b - a + 1;
  const total = ((a + b) * count) / 2;
  const pairs = Math.floor(count / 2);
  const middle = count % 2 === 1 ? ` plus the middle term ${(a + b) / 2}` : '';
  return {
    text:
      `The sum ${a} + ${a + 1} + … + ${b} is ${total}. ` +
      `Pair the terms from both ends: ${a} + ${b} = ${a + b}, ${a + 1} + ${b - 1} = ${a + b}, and so on — ` +
      `${pairs} pairs of ${a + b}${middle}, so ${pairs} × ${a + b}${middle ? ` + ${(a + b) / 2}` : ''} = ${total}. ` +
      `In general, n(n + 1)/2 for 1 to n.`,
    reasoning:
      `The user wants the sum of the integers from ${a} to ${b}. Adding them one by one would work but is slow. ` +
      `Gauss's trick: write the sequence forwards and backwards; each column adds up to ${a} + ${b} = ${a + b}. ` +
      `There are ${count} terms, so the sum is ${count} × ${a + b} / 2 = ${total}. ` +
      `Check with the pairing view: ${pairs} pairs of ${a + b}${middle} → ${total}. Consistent.`,
  };
}

// ---------------------------------------------------------------------------------------
// Primes

function smallestFactor(n: number): number | undefined {
  if (n % 2 === 0) return 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return d;
  return undefined;
}

function primality(text: string): Answer | undefined {
  const m = text.slice(0, MAX_SCAN).match(/\bis\s+(\d{1,12})\s+(?:a\s+)?prime\b/i);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n < 2) {
    return {
      text: `No. ${n} is not prime: primes are integers greater than 1.`,
      reasoning: `By definition a prime is greater than 1, so ${n} is not prime.`,
    };
  }
  const factor = smallestFactor(n);
  const root = Math.floor(Math.sqrt(n));
  if (factor === undefined) {
    return {
      text: `Yes, ${n} is prime: no integer from 2 to ${root} divides it.`,
      reasoning: `To test ${n} it is enough to try divisors up to √${n} ≈ ${Math.sqrt(n).toFixed(1)}. None of 2, 3, 5, 7, … up to ${root} divides it evenly, so ${n} is prime.`,
    };
  }
  const other = n / factor;
  const tried = [2, 3, 5, 7, 11, 13, 17, 19, 23].filter((p) => p < factor);
  return {
    text: `No. ${n} = ${factor} × ${other}, so it is not prime.`,
    reasoning:
      `Check divisors of ${n} up to √${n} ≈ ${Math.sqrt(n).toFixed(1)}.` +
      (tried.length > 0 ? ` ${tried.join(', ')} leave a remainder.` : '') +
      ` ${factor} divides it: ${factor} × ${other} = ${n}. So ${n} is composite.`,
  };
}

// ---------------------------------------------------------------------------------------
// Capitals

const CAPITALS: Record<string, string> = {
  france: 'Paris',
  germany: 'Berlin',
  italy: 'Rome',
  spain: 'Madrid',
  portugal: 'Lisbon',
  'united kingdom': 'London',
  uk: 'London',
  england: 'London',
  ireland: 'Dublin',
  netherlands: 'Amsterdam',
  belgium: 'Brussels',
  switzerland: 'Bern',
  austria: 'Vienna',
  poland: 'Warsaw',
  sweden: 'Stockholm',
  norway: 'Oslo',
  denmark: 'Copenhagen',
  finland: 'Helsinki',
  greece: 'Athens',
  turkey: 'Ankara',
  russia: 'Moscow',
  ukraine: 'Kyiv',
  china: 'Beijing',
  japan: 'Tokyo',
  'south korea': 'Seoul',
  korea: 'Seoul',
  india: 'New Delhi',
  indonesia: 'Jakarta',
  thailand: 'Bangkok',
  vietnam: 'Hanoi',
  singapore: 'Singapore',
  australia: 'Canberra',
  'new zealand': 'Wellington',
  canada: 'Ottawa',
  'united states': 'Washington, D.C.',
  usa: 'Washington, D.C.',
  mexico: 'Mexico City',
  brazil: 'Brasília',
  argentina: 'Buenos Aires',
  chile: 'Santiago',
  peru: 'Lima',
  colombia: 'Bogotá',
  egypt: 'Cairo',
  nigeria: 'Abuja',
  kenya: 'Nairobi',
  'south africa': 'Pretoria (executive), Cape Town (legislative) and Bloemfontein (judicial)',
  morocco: 'Rabat',
  'saudi arabia': 'Riyadh',
  iran: 'Tehran',
  israel: 'Jerusalem',
};

function capital(text: string): Answer | undefined {
  const m = text
    .slice(0, MAX_SCAN)
    .toLowerCase()
    .match(/capital (?:city )?of (?:the )?([a-z .]{2,30})/);
  if (!m) return undefined;
  const name = m[1]!.replace(/[.?!\s]+$/, '').trim();
  const key = Object.keys(CAPITALS)
    .filter((k) => name === k || name.startsWith(`${k} `))
    .sort((a, b) => b.length - a.length)[0];
  if (!key) return undefined;
  const country =
    key.length <= 3 ? key.toUpperCase() : key.replace(/\b\w/g, (c) => c.toUpperCase());
  return {
    text: `The capital of ${country} is ${CAPITALS[key]}.`,
    reasoning: `A geography question: the capital of ${country}. That is ${CAPITALS[key]}.`,
  };
}

// ---------------------------------------------------------------------------------------
// A few common topics

const TOPICS: Array<{ test: RegExp; text: string; reasoning: string }> = [
  {
    test: /\bsky\b.*\bblue\b|\bblue\b.*\bsky\b/i,
    text: 'The sky looks blue because air molecules scatter short (blue) wavelengths of sunlight much more strongly than long (red) ones — Rayleigh scattering — so blue light reaches your eyes from every direction of the sky.',
    reasoning:
      'Why is the sky blue: sunlight contains all colours; scattering by molecules goes as 1/λ⁴, so blue scatters about five times more than red. Violet scatters even more, but sunlight has less of it and our eyes are less sensitive to it. One sentence is enough.',
  },
  {
    test: /\bhaiku\b/i,
    text: 'Morning light on code —\na quiet stream of tokens\nflows through the gateway.',
    reasoning:
      'A haiku: three lines of 5, 7 and 5 syllables. A calm image about streaming text fits. Count: Mor-ning-light-on-code (5), a-qui-et-stream-of-to-kens (7), flows-through-the-gate-way (5).',
  },
  {
    test: /\bpoem\b/i,
    text: 'A question travels, light and quick,\nthrough routers, queues and wires;\nit finds the model it was sent to,\nand comes back with what it required.',
    reasoning:
      'A short poem: four lines, loosely rhymed, about a request travelling to a model and back.',
  },
  {
    test: /\bjoke\b/i,
    text: 'Why do programmers prefer dark mode? Because light attracts bugs.',
    reasoning:
      'A short, friendly joke. The dark-mode/bugs pun is a classic and works for any audience.',
  },
  {
    test: /\bmixrouter\b/i,
    text: 'MixRouter is an LLM gateway: one OpenAI-style API and one key for about a hundred models from OpenAI, Anthropic, Google, DeepSeek, Qwen and many more, plus image, speech and video models.',
    reasoning:
      'The user asks about MixRouter itself. Summarise: a gateway, one key, many vendors and model types.',
  },
  {
    test: /\bweather\b/i,
    text: "I can't look up live weather without a tool. Give me a weather tool (or check a weather service) and I'll tell you the current conditions.",
    reasoning:
      'Weather needs live data, and no tool was offered in this request. Say so and suggest a tool.',
  },
  {
    test: /^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening))\b|\bsay hello\b|\bgreet/i,
    text: 'Hello! Nice to meet you — how can I help today?',
    reasoning: 'A greeting. Answer warmly and briefly.',
  },
];

function topic(text: string): Answer | undefined {
  const head = text.slice(0, MAX_SCAN);
  const hit = TOPICS.find((t) => t.test.test(head));
  return hit && { text: hit.text, reasoning: hit.reasoning };
}

// ---------------------------------------------------------------------------------------
// Attachments and everything else

const KIND_NAMES: Record<string, [string, string]> = {
  image_url: ['image', 'images'],
  input_audio: ['audio clip', 'audio clips'],
  audio_url: ['audio clip', 'audio clips'],
  video_url: ['video', 'videos'],
  file: ['file', 'files'],
};

function describeAttachments(attachments: Record<string, number>): string | undefined {
  const counts = new Map<string, number>();
  for (const [kind, n] of Object.entries(attachments)) {
    if (n <= 0) continue;
    const [one] = KIND_NAMES[kind] ?? [kind, `${kind}s`];
    counts.set(one, (counts.get(one) ?? 0) + n);
  }
  if (counts.size === 0) return undefined;
  const parts = [...counts].map(([one, n]) => {
    const many = Object.values(KIND_NAMES).find(([o]) => o === one)?.[1] ?? `${one}s`;
    return n === 1 ? `one ${one}` : `${n} ${many}`;
  });
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `I received ${list}.`;
}

/** The first few words of the question, for the fallback answer. */
function subject(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 8).join(' ');
  return words.length < text.trim().length ? `${words}…` : words;
}

/**
 * The emulator's answer to a user turn (no tool calls involved). `model` is the model
 * id the request named.
 */
export function answerQuestion(
  question: string,
  model: string,
  attachments: Record<string, number> = {},
): Answer {
  const received = describeAttachments(attachments);
  if (received) {
    return {
      text: `${received} This is MixRouter's local emulator standing in for ${model}: it checks that every attachment arrived, but cannot look inside them. With MIXROUTER_API_KEY set, the real model describes them.`,
      reasoning: `The message has attachments. ${received} Each one arrived in the form the route expects, so confirm what was received.`,
    };
  }
  const direct =
    rangeSum(question) ??
    primality(question) ??
    arithmetic(question) ??
    capital(question) ??
    topic(question);
  if (direct) return direct;
  const about = subject(question);
  if (about === '') {
    return {
      text: 'It looks like the message was empty. What would you like to know?',
      reasoning: 'There is no question in the message. Ask for one.',
    };
  }
  return {
    text: `This is MixRouter's local emulator standing in for ${model}. It really answers arithmetic, sums like 1..100, prime checks, capitals and a few common topics; for "${about}" a real model would give a proper answer — set MIXROUTER_API_KEY to talk to it.`,
    reasoning: `The question ("${about}") is outside what this stand-in knows. Be honest about that and say how to reach the real model.`,
  };
}

// ---------------------------------------------------------------------------------------
// Final answers from tool results

type Result = { name?: string; content: string };

function humanKey(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function scalar(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

const TEMPERATURE = /^(?:temp|temperature)(?:_?c|_?celsius)?$|^temperatureC$/i;
const PLACE = /^(?:city|location|place|name)$/i;
const CONDITION = /^(?:sky|condition|conditions|weather|summary|description)$/i;

/** One sentence for one tool result: weather-like, a calculation, or its fields in words. */
function describeResult(result: Result, question: string): string {
  let value: unknown;
  try {
    value = JSON.parse(result.content);
  } catch {
    value = result.content;
  }
  const tool = result.name ? `the ${result.name} tool` : 'the tool';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const text = scalar(value).slice(0, 200);
    return `${tool} returned ${text}`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const temp = entries.find(([k]) => TEMPERATURE.test(k));
  if (temp) {
    const place = entries.find(([k]) => PLACE.test(k))?.[1];
    const condition = entries.find(([k]) => CONDITION.test(k))?.[1];
    const unit = entries.find(([k]) => /^units?$/i.test(k))?.[1];
    const fahrenheit =
      (typeof unit === 'string' && /^f/i.test(unit)) || /(?:_f|fahrenheit)$/i.test(temp[0]);
    return `${place ? `in ${scalar(place)} ` : ''}it is ${scalar(temp[1])} °${fahrenheit ? 'F' : 'C'}${condition ? ` and ${scalar(condition)}` : ''}`;
  }
  const numeric = entries.find(
    ([k, v]) =>
      /^(?:result|value|answer|total|sum|product|quotient|difference)$/i.test(k) &&
      typeof v === 'number',
  );
  if (numeric) {
    const own = entries.find(
      ([k, v]) => /^(?:expression|expr|input)$/i.test(k) && typeof v === 'string',
    );
    const expr = own ? { source: String(own[1]).slice(0, 200) } : expressionTokens(question);
    return expr
      ? `${pretty(expr.source)} = ${scalar(numeric[1])}`
      : `${tool} computed ${scalar(numeric[1])}`;
  }
  const fields = entries
    .slice(0, 6)
    .map(([k, v]) => `${humanKey(k)} ${scalar(v).slice(0, 80)}`)
    .join(', ');
  return `${tool} reports ${fields || 'nothing'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The final answer after tool calls: what the results say, in words. */
export function answerFromToolResults(results: Result[], question: string): Answer {
  const sentences = results.slice(0, 8).map((r) => describeResult(r, question));
  const text =
    sentences.length === 1
      ? `${capitalise(sentences[0]!)}.`
      : `${capitalise(sentences.slice(0, -1).join(', '))}, and ${sentences.at(-1)}.`;
  const names = [...new Set(results.map((r) => r.name).filter(Boolean))];
  return {
    text,
    reasoning: `I have ${results.length === 1 ? 'the result' : `${results.length} results`}${names.length > 0 ? ` from ${names.join(' and ')}` : ''}. ${sentences.map((s) => `${capitalise(s)}.`).join(' ')} That answers the question, so I can reply directly.`,
  };
}

/** Reasoning before tool calls: what is needed and which tool provides it. */
export function reasoningForToolCalls(
  question: string,
  calls: Array<{ name: string; arguments: Record<string, unknown> }>,
): string {
  const plan = calls
    .map((c) => {
      const args = Object.entries(c.arguments)
        .map(([k, v]) => `${k} ${scalar(v)}`)
        .join(', ');
      return `${c.name}${args ? ` (${args})` : ''}`;
    })
    .join(', then ');
  return `The user asks: "${subject(question)}". I can't answer that reliably from memory; the tools can. I'll call ${plan}, and answer once the results are back.`;
}
