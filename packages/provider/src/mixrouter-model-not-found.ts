import { getMixRouterModelInfo } from './mixrouter-model-catalogue';

/**
 * The model a request named: the JSON (or form) body's `model`, else the model segment of
 * a Gemini-native URL (`…/models/{id}:generateContent`).
 */
function requestedModel(url: string, requestBodyValues: unknown): string | undefined {
  const model = (requestBodyValues as { model?: unknown } | null | undefined)?.model;
  if (typeof model === 'string' && model.length > 0) return model;
  const path = url.split('?')[0] ?? '';
  const at = path.lastIndexOf('/models/');
  if (at < 0) return undefined;
  const segment = path.slice(at + '/models/'.length).split(/[:/]/)[0];
  return segment ? decodeURIComponent(segment) : undefined;
}

/**
 * A `model_not_found` (new-api answers 503: "no available channel for model X") for an id
 * the catalogue does not list is almost always a typo: retrying cannot help, and the
 * caller needs to hear which id was wrong and where to find the right ones. For a listed
 * model the same answer usually means its channels are down for a moment, so the normal
 * retry rules stay.
 *
 * Returns the unlisted model id, or undefined when the rule does not apply.
 */
export function unlistedModelNotFound({
  code,
  url,
  requestBodyValues,
}: {
  code: string | undefined;
  url: string;
  requestBodyValues: unknown;
}): string | undefined {
  if (code !== 'model_not_found') return undefined;
  const model = requestedModel(url, requestBodyValues);
  if (model === undefined || getMixRouterModelInfo(model).listed) return undefined;
  return model;
}

export function unlistedModelHint(model: string): string {
  return `Model '${model}' is not in the MixRouter model catalogue and no channel serves it for this key — check the id; provider.listModels() lists the models your key can use.`;
}
