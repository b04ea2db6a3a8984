/**
 * What an OpenAI-type channel of the gateway forwards upstream. new-api decodes the body into
 * its `GeneralOpenAIRequest` struct and re-serialises it (protocol §2.1), so unknown top-level
 * keys vanish, `omitempty` numbers that are 0 vanish, and for `o*` / `gpt-5*` upstream names
 * the OpenAI adaptor rewrites a few fields (new-api: relay/channel/openai/adaptor.go
 * `ConvertOpenAIRequest`; dto/openai_request.go `GeneralOpenAIRequest`). Upstream contracts are
 * checked against this rewritten body, never against what the client typed.
 */
import type { JsonObject } from '../json-util.ts';
import type { Family } from '../model-family.ts';

/** Top-level keys of `GeneralOpenAIRequest` (dec25…latest; protocol §2.1 table). */
const KNOWN_KEYS = new Set([
  'model',
  'messages',
  'prompt',
  'prefix',
  'suffix',
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'reasoning_effort',
  'verbosity',
  'temperature',
  'top_p',
  'top_k',
  'stop',
  'n',
  'input',
  'instruction',
  'size',
  'functions',
  'function_call',
  'frequency_penalty',
  'presence_penalty',
  'response_format',
  'encoding_format',
  'seed',
  'parallel_tool_calls',
  'tools',
  'tool_choice',
  'user',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'dimensions',
  'modalities',
  'audio',
  'metadata',
  'prediction',
  'store',
  'prompt_cache_key',
  'prompt_cache_retention',
  'extra_body',
  'search_parameters',
  'web_search_options',
  'usage',
  'reasoning',
  'vl_high_resolution_images',
  'enable_thinking',
  'chat_template_kwargs',
  'think',
  'web_search',
  'thinking',
  'reasoning_split',
  'enable_search',
  'search_domain_filter',
  'search_recency_filter',
  'return_images',
  'return_related_questions',
  'search_mode',
]);

/** Fields declared `float64`/`int`/`bool` with `omitempty`: a zero value is not forwarded. */
const OMIT_WHEN_ZERO = [
  'max_tokens',
  'max_completion_tokens',
  'top_p',
  'top_k',
  'n',
  'frequency_penalty',
  'presence_penalty',
  'seed',
  'logprobs',
  'top_logprobs',
  'dimensions',
];

/** The body an OpenAI-compatible upstream receives for this request. */
export function gatewayUpstreamBody(body: JsonObject, model: string, family: Family): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (KNOWN_KEYS.has(key) && value !== null && value !== undefined) out[key] = value;
  }
  for (const key of OMIT_WHEN_ZERO) {
    if (out[key] === 0 || out[key] === false) delete out[key];
  }
  // Only OpenAI/Azure channels keep stream_options (adaptor.go); the gateway forces usage on its own.
  if (family !== 'openai') delete out.stream_options;
  const id = model.toLowerCase();
  if (id.startsWith('o') || id.startsWith('gpt-5')) {
    if (out.max_completion_tokens === undefined && out.max_tokens !== undefined) {
      out.max_completion_tokens = out.max_tokens;
      delete out.max_tokens;
    }
    if (id.startsWith('o')) delete out.temperature;
    if (id.startsWith('gpt-5')) {
      delete out.temperature;
      delete out.top_p;
      delete out.logprobs;
    }
  }
  return out;
}
