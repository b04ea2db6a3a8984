import {
  type EmbeddingModelV4CallOptions,
  type EmbeddingModelV4Result,
  InvalidResponseDataError,
  type SharedV4Warning,
  TooManyEmbeddingValuesForCallError,
} from '@ai-sdk/provider';
import { postJsonToApi } from '@ai-sdk/provider-utils';
import {
  buildRequestHeaders,
  type MixRouterConfig,
  parseMixRouterProviderOptions,
} from '../mixrouter-config';
import {
  createMixRouterJsonResponseHandler,
  mixrouterFailedResponseHandler,
} from '../mixrouter-error';
import { decodeBase64Embedding } from './decode-base64-embedding';
import { mixrouterEmbeddingResponseSchema } from './mixrouter-embedding-api';
import type { MixRouterEmbeddingModel } from './mixrouter-embedding-model';
import { mixrouterEmbeddingOptionsSchema } from './mixrouter-embedding-options';

/** `POST /embeddings` for {@link MixRouterEmbeddingModel} (loaded on its first call). */
export async function doMixRouterEmbed(
  model: Pick<MixRouterEmbeddingModel, 'modelId' | 'provider' | 'maxEmbeddingsPerCall'>,
  config: MixRouterConfig,
  {
    values,
    dimensions: callDimensions,
    abortSignal,
    providerOptions,
    headers,
  }: EmbeddingModelV4CallOptions,
): Promise<EmbeddingModelV4Result> {
  if (values.length > model.maxEmbeddingsPerCall) {
    throw new TooManyEmbeddingValuesForCallError({
      provider: model.provider,
      modelId: model.modelId,
      maxEmbeddingsPerCall: model.maxEmbeddingsPerCall,
      values,
    });
  }

  const warnings: SharedV4Warning[] = [];
  const options = await parseMixRouterProviderOptions({
    providerOptions,
    schema: mixrouterEmbeddingOptionsSchema,
  });

  // The provider option is the more specific setting, so it wins.
  const dimensions = options?.dimensions ?? callDimensions;
  if (
    options?.dimensions !== undefined &&
    callDimensions !== undefined &&
    options.dimensions !== callDimensions
  ) {
    warnings.push({
      type: 'other',
      message: `providerOptions.mixrouter.dimensions (${options.dimensions}) overrides dimensions (${callDimensions}).`,
    });
  }

  const body = {
    model: model.modelId,
    input: values,
    dimensions,
    encoding_format: options?.encodingFormat,
    user: options?.user,
  };

  const {
    value: response,
    rawValue,
    responseHeaders,
  } = await postJsonToApi({
    url: config.url('/embeddings'),
    headers: buildRequestHeaders(config, headers),
    body,
    failedResponseHandler: mixrouterFailedResponseHandler,
    successfulResponseHandler: createMixRouterJsonResponseHandler(mixrouterEmbeddingResponseSchema),
    abortSignal,
    fetch: config.fetch,
  });

  if (response.data.length !== values.length) {
    throw new InvalidResponseDataError({
      data: rawValue,
      message: `MixRouter returned ${response.data.length} embeddings for ${values.length} inputs (model ${model.modelId}).`,
    });
  }

  const entries = orderEmbeddingEntries(response.data, {
    modelId: model.modelId,
    rawValue,
  });

  const embeddings = entries.map((entry) =>
    typeof entry.embedding === 'string' ? decodeBase64Embedding(entry.embedding) : entry.embedding,
  );

  const tokens = response.usage?.prompt_tokens ?? response.usage?.total_tokens;

  return {
    embeddings,
    usage: typeof tokens === 'number' ? { tokens } : undefined,
    response: { headers: responseHeaders, body: rawValue },
    warnings,
  };
}

/**
 * Entries in input order. Every entry carries its input `index` (OpenAI shape), or none
 * does (then the order is the input order). A missing, duplicate, non-integer or
 * out-of-range index is an error: sorting by it would pair embeddings with the wrong
 * inputs without anyone noticing.
 */
export function orderEmbeddingEntries<T extends { index?: number | null }>(
  entries: T[],
  { modelId, rawValue }: { modelId: string; rawValue: unknown },
): T[] {
  const withIndex = entries.filter((entry) => entry.index != null).length;
  if (withIndex === 0) return entries;
  const fail = (problem: string) =>
    new InvalidResponseDataError({
      data: rawValue,
      message: `MixRouter returned embeddings with ${problem} (model ${modelId}); cannot tell which input each belongs to.`,
    });
  if (withIndex !== entries.length)
    throw fail(`an index on only ${withIndex} of ${entries.length} entries`);
  const ordered = new Array<T | undefined>(entries.length);
  for (const entry of entries) {
    const index = entry.index as number;
    if (!Number.isInteger(index) || index < 0 || index >= entries.length) {
      throw fail(`index ${index} outside 0..${entries.length - 1}`);
    }
    if (ordered[index] !== undefined) throw fail(`index ${index} given twice`);
    ordered[index] = entry;
  }
  return ordered as T[];
}
