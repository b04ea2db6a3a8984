/**
 * Shared types of the upstream contracts. A rule is a small pure function: it reads the
 * request as the upstream would receive it and returns the upstream's own error, or nothing.
 * The gateway relays that error with the upstream's status, `type`, `code` and `param`
 * (protocol §5.1, §5.2: "Upstream error → upstream status; upstream type/code").
 */
import type { JsonObject } from '../json-util.ts';
import type { Family } from '../model-family.ts';

export interface ContractViolation {
  /** HTTP status the upstream answers (and the gateway relays). */
  status: number;
  /** The upstream's error text, verbatim. */
  message: string;
  /** `error.type` as the upstream sends it. */
  type: string;
  /** `error.code` (string or number, as the upstream sends it). */
  code: string | number;
  /** `error.param` ('' when the upstream sends null). */
  param: string;
  /** Sent verbatim instead of the gateway's error shape (an upstream that errs inside a 200). */
  body?: JsonObject;
}

/** One chat completions request, as seen at the gateway. */
export interface ChatRequest {
  /** The body as sent to the gateway. */
  body: JsonObject;
  /** The model id without the `emulator-` test prefix. */
  model: string;
  family: Family;
  stream: boolean;
}

export type ChatRule = (request: ChatRequest) => ContractViolation | undefined;

/** A 400 `invalid_request_error`, the shape every OpenAI-compatible upstream uses. */
export function invalidRequest(
  message: string,
  param = '',
  code: string | number = '',
  status = 400,
): ContractViolation {
  return { status, message, type: 'invalid_request_error', code, param };
}

/** The first violation of a list of rules, in order. */
export function firstViolation(
  rules: readonly ChatRule[],
  request: ChatRequest,
): ContractViolation | undefined {
  for (const rule of rules) {
    const violation = rule(request);
    if (violation) return violation;
  }
  return undefined;
}
