import { APICallError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type ResponseHandler,
  secureJsonParse,
} from '@ai-sdk/provider-utils';
import { createMixRouterAPIError, extractMixRouterErrorFields } from '../mixrouter-error';
import { isJsonRecord as isObject } from '../mixrouter-json-guards';

function summarise(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/**
 * A task answer carries its own `status`/`task_id`/`object: "video"` (or is the
 * `code: "success"` envelope); only then is an `error` field the task's failure reason.
 */
function looksLikeTask(body: Record<string, unknown>): boolean {
  return (
    body.code === 'success' ||
    body.object === 'video' ||
    'status' in body ||
    'task_id' in body ||
    (typeof body.id === 'string' && !('error' in body))
  );
}

/**
 * Task submit/fetch answers come in several shapes (OpenAI-Video object, the
 * `{code, data}` envelope, the flat `{task_id, status, url}` body, vendor payloads), so
 * this only requires a JSON object; the model reads fields defensively. Unlike the shared
 * JSON handler, an `error` inside a task object (a failed task) is data, not a gateway
 * error; bodies that are not tasks still go through the gateway error parser.
 */
export const mixrouterVideoResponseHandler: ResponseHandler<Record<string, unknown>> = async ({
  response,
  url,
  requestBodyValues,
}) => {
  const responseBody = await response.text();
  const responseHeaders = extractResponseHeaders(response);
  const base = {
    url,
    requestBodyValues,
    responseHeaders,
    responseBody,
    statusCode: response.status,
  };
  let value: unknown;
  try {
    value = secureJsonParse(responseBody);
  } catch (cause) {
    throw new APICallError({
      ...base,
      message: `MixRouter returned a video task response that is not JSON: "${summarise(responseBody)}"`,
      cause,
      isRetryable: false,
    });
  }
  if (!isObject(value)) {
    throw new APICallError({
      ...base,
      message: `MixRouter returned a video task response that is not an object: "${summarise(responseBody)}"`,
      isRetryable: false,
    });
  }
  if (!looksLikeTask(value)) {
    const fields = extractMixRouterErrorFields(value);
    if (fields !== undefined) throw createMixRouterAPIError({ ...base, fields });
  }
  return { value, rawValue: value, responseHeaders };
};
