import type { MixRouterToolCallIdRule } from '../mixrouter-request-contracts';

const WORD_CHAR = /^[A-Za-z0-9_-]$/;

/** 32-bit FNV-1a of the id, base 36: a short, stable suffix that keeps mapped ids distinct. */
function fnv1a36(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * Rewrites a tool-call id that the receiving upstream would refuse — a conversation that
 * switched models carries ids in the previous family's format (Gemini's 41-character
 * `call_<uuid>`, Kimi's `functions.<name>:<n>`). The mapping is a pure function of the id,
 * so an assistant call and its tool result still match; ids the upstream accepts are sent
 * unchanged. Linear in the id's length.
 */
export function mapMixRouterToolCallId(id: string, rule: MixRouterToolCallIdRule): string {
  let changed = false;
  let out = id;
  if (rule.charset === 'word') {
    let sanitised = '';
    for (const char of id) {
      if (WORD_CHAR.test(char)) sanitised += char;
      else {
        sanitised += '_';
        changed = true;
      }
    }
    out = sanitised;
  }
  const tooLong = rule.maxLength !== undefined && out.length > rule.maxLength;
  if (!changed && !tooLong && out.length > 0) return id;
  // The suffix tells apart ids that sanitising or cutting made equal (`a.b` vs `a:b`).
  const suffix = `_${fnv1a36(id)}`;
  const room = rule.maxLength === undefined ? out.length : rule.maxLength - suffix.length;
  return `${out.slice(0, Math.max(0, room))}${suffix}`;
}
