import { getFromApi, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';
import { buildRequestHeaders, type MixRouterConfig } from './mixrouter-config';
import {
  createMixRouterJsonResponseHandler,
  mixrouterFailedResponseHandler,
} from './mixrouter-error';
import {
  getMixRouterModelInfoForEndpointTypes,
  type MixRouterModelInfo,
} from './mixrouter-model-catalogue';

const modelListSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      data: z
        .array(
          z.looseObject({
            id: z.string(),
            owned_by: z.string().nullish(),
            created: z.number().nullish(),
            supported_endpoint_types: z.array(z.string()).nullish(),
          }),
        )
        .nullish(),
    }),
  ),
);

export type MixRouterListedModel = {
  id: string;
  ownedBy?: string;
  created?: number;
  /** What `/v1/models` says the model supports (`openai`, `openai-response`, `anthropic`, `gemini`, `embeddings`, …). */
  supportedEndpointTypes: string[];
  /** The catalogue's static knowledge about the model (inferred from the name if unlisted). */
  info: MixRouterModelInfo;
};

/**
 * `GET {baseURL}/models`: the models the key's group can use, each merged with the
 * catalogue. The live list wins for the endpoint types; the catalogue adds family,
 * modalities and reasoning facts the gateway does not report.
 */
export async function listMixRouterModels({
  config,
  abortSignal,
  headers,
}: {
  config: MixRouterConfig;
  abortSignal?: AbortSignal;
  headers?: Record<string, string | undefined>;
}): Promise<MixRouterListedModel[]> {
  const { value } = await getFromApi({
    url: config.url('/models'),
    headers: buildRequestHeaders(config, headers),
    failedResponseHandler: mixrouterFailedResponseHandler,
    successfulResponseHandler: createMixRouterJsonResponseHandler(modelListSchema),
    abortSignal,
    fetch: config.fetch,
  });
  return (value.data ?? []).map((model) => {
    const live = model.supported_endpoint_types ?? [];
    const info = getMixRouterModelInfoForEndpointTypes(model.id, live);
    return {
      id: model.id,
      ...(model.owned_by ? { ownedBy: model.owned_by } : {}),
      ...(model.created ? { created: model.created } : {}),
      supportedEndpointTypes: live.length > 0 ? live : [...info.endpointTypes],
      info,
    };
  });
}
