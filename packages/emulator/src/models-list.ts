/** GET /v1/models and /v1/models/{model} (protocol §12). */
import { type Ctx, header, sendJson } from './context.ts';
import { sendError } from './errors.ts';
import { KNOWN_MODELS, type ModelKind } from './known-models.ts';
import { modelFamily } from './model-family.ts';

const CREATED = 1626777600;

function endpointTypes(id: string, kind: ModelKind): string[] {
  const family = modelFamily(id);
  switch (kind) {
    case 'responses-only':
      return ['openai-response'];
    case 'image':
      return ['image-generation'];
    case 'image-chat':
      return ['gemini', 'openai'];
    case 'embedding':
      return ['embeddings'];
    case 'video':
      return ['openai-video'];
    case 'rerank':
      return ['jina-rerank'];
    default:
      if (family === 'anthropic') return ['anthropic', 'openai'];
      if (family === 'google') return ['gemini', 'openai'];
      return ['openai'];
  }
}

function modelObject(id: string, kind: ModelKind): Record<string, unknown> {
  return {
    id,
    object: 'model',
    created: CREATED,
    owned_by: modelFamily(id) === 'openai' ? 'openai' : 'custom',
    supported_endpoint_types: endpointTypes(id, kind),
  };
}

export async function handleModelList(ctx: Ctx): Promise<void> {
  const entries = [...KNOWN_MODELS.entries()];
  if (header(ctx, 'x-api-key') && header(ctx, 'anthropic-version')) {
    const data = entries.map(([id]) => ({
      id,
      created_at: new Date(CREATED * 1000).toISOString(),
      display_name: id,
      type: 'model',
    }));
    return sendJson(ctx, 200, {
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: false,
    });
  }
  sendJson(ctx, 200, {
    success: true,
    object: 'list',
    data: entries.map(([id, kind]) => modelObject(id, kind)),
  });
}

export async function handleModelGet(ctx: Ctx): Promise<void> {
  const id = ctx.params[0];
  const kind = KNOWN_MODELS.get(id);
  if (!kind) {
    return sendError(ctx, 404, {
      message: `The model '${id}' does not exist`,
      type: 'invalid_request_error',
      param: 'model',
      code: 'model_not_found',
    });
  }
  sendJson(ctx, 200, modelObject(id, kind));
}
