/**
 * OpenAI Responses API contract (`POST /v1/responses`, relayed as is for OpenAI channels,
 * protocol §11). Sources:
 * - https://platform.openai.com/docs/api-reference/responses/create (`max_output_tokens`,
 *   `text.format.name` required for json_schema, `previous_response_id`, `store`)
 * - https://platform.openai.com/docs/guides/reasoning (reasoning models take no temperature or
 *   top_p — gpt-5.1/5.2 only with effort `none`; `reasoning.effort` values per model)
 * - https://platform.openai.com/docs/guides/conversation-state (stored items are resolvable by id
 *   only when they were stored; `store: false` items "are not persisted")
 * Error texts as the API returns them (`Unsupported parameter: 'temperature' is not supported
 * with this model.`, `Item with id '…' not found. Items are not persisted when \`store\` is set
 * to false. …`, `No tool call found for function call output with call_id …`).
 */
import { asArray, asNumber, asObject, asString, type JsonObject } from '../json-util.ts';
import { type ContractViolation, invalidRequest } from './contract-types.ts';
import { openAIModelContract, quotedList } from './openai-contract.ts';

export interface ResponsesStore {
  /** Ids of responses and output items stored upstream (`store` not false). */
  has(id: string): boolean;
}

function unsupported(param: string): ContractViolation {
  return invalidRequest(
    `Unsupported parameter: '${param}' is not supported with this model.`,
    param,
    'unsupported_parameter',
  );
}

function reasoningProblem(body: JsonObject, model: string): ContractViolation | undefined {
  const { efforts } = openAIModelContract(model);
  const reasoning = asObject(body.reasoning);
  const effort = asString(reasoning?.effort);
  if (!efforts)
    return reasoning && effort !== undefined ? unsupported('reasoning.effort') : undefined;
  if (effort !== undefined && !efforts.includes(effort)) {
    return invalidRequest(
      `Unsupported value: 'reasoning.effort' does not support '${effort}' with this model. Supported values are: ${quotedList(efforts)}.`,
      'reasoning.effort',
      'unsupported_value',
    );
  }
  // Sampling is only accepted with reasoning switched off (gpt-5.1+ `none`).
  if (effort === 'none') return undefined;
  const isReasoningModel = openAIModelContract(model).rejects.length > 0;
  if (!isReasoningModel) return undefined;
  for (const param of ['temperature', 'top_p']) {
    if (body[param] !== undefined && body[param] !== null) return unsupported(param);
  }
  return undefined;
}

function formatProblem(body: JsonObject): ContractViolation | undefined {
  const format = asObject(asObject(body.text)?.format);
  if (format?.type === 'json_schema' && typeof format.name !== 'string') {
    return invalidRequest(
      "Missing required parameter: 'text.format.name'.",
      'text.format.name',
      'missing_required_parameter',
    );
  }
  const max = asNumber(body.max_output_tokens);
  if (max !== undefined && max < 16) {
    return invalidRequest(
      `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${max} instead.`,
      'max_output_tokens',
      'integer_below_min_value',
    );
  }
  return undefined;
}

function referenceProblem(body: JsonObject, store: ResponsesStore): ContractViolation | undefined {
  const previous = asString(body.previous_response_id);
  if (previous && !store.has(previous)) {
    return invalidRequest(
      `Previous response with id '${previous}' not found.`,
      'previous_response_id',
      'previous_response_not_found',
    );
  }
  const items = asArray(body.input).map((i) => asObject(i) ?? {});
  // A referenced function_call brings a call_id this check cannot see.
  const pairable = !previous && !items.some((i) => i.type === 'item_reference');
  const calls = new Set<string>();
  for (const item of items) {
    const referenced = item.type === 'item_reference' ? asString(item.id) : undefined;
    // A replayed reasoning item without its encrypted content is looked up by id.
    const reasoningById =
      item.type === 'reasoning' && item.encrypted_content === undefined
        ? asString(item.id)
        : undefined;
    const id = referenced ?? reasoningById;
    if (id && !store.has(id)) {
      return {
        ...invalidRequest(
          `Item with id '${id}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
          'input',
        ),
        status: 404,
      };
    }
    if (item.type === 'function_call') calls.add(String(item.call_id));
    if (item.type === 'function_call_output' && pairable && !calls.has(String(item.call_id))) {
      return invalidRequest(
        `No tool call found for function call output with call_id ${String(item.call_id)}.`,
        'input',
      );
    }
  }
  return undefined;
}

/** The upstream's error for a Responses request, or undefined. */
export function responsesContractViolation(
  body: JsonObject,
  model: string,
  store: ResponsesStore,
): ContractViolation | undefined {
  return reasoningProblem(body, model) ?? formatProblem(body) ?? referenceProblem(body, store);
}
