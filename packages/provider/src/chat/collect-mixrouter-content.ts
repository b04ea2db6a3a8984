import type {
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';

export type CollectedMixRouterResult = {
  content: LanguageModelV4Content[];
  finishReason: LanguageModelV4FinishReason;
  usage: LanguageModelV4Usage;
  providerMetadata?: SharedV4ProviderMetadata;
  response: { id?: string; modelId?: string; timestamp?: Date };
  errors: unknown[];
};

/** Folds stream parts (from the shared part builder) into generate-result content. */
export function collectMixRouterContent(
  parts: LanguageModelV4StreamPart[],
): CollectedMixRouterResult {
  const content: LanguageModelV4Content[] = [];
  const blocks = new Map<string, { type: 'text' | 'reasoning'; text: string }>();
  const result: CollectedMixRouterResult = {
    content,
    finishReason: { unified: 'other', raw: undefined },
    usage: {
      inputTokens: {
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    },
    response: {},
    errors: [],
  };
  for (const part of parts) {
    switch (part.type) {
      case 'text-start':
      case 'reasoning-start': {
        const block = {
          type: part.type === 'text-start' ? ('text' as const) : ('reasoning' as const),
          text: '',
        };
        blocks.set(part.id, block);
        content.push(block);
        break;
      }
      case 'text-delta':
      case 'reasoning-delta': {
        const block = blocks.get(part.id);
        if (block) block.text += part.delta;
        break;
      }
      case 'file':
      case 'source':
      case 'tool-call':
        content.push(part);
        break;
      case 'response-metadata':
        result.response = { id: part.id, modelId: part.modelId, timestamp: part.timestamp };
        break;
      case 'finish':
        result.finishReason = part.finishReason;
        result.usage = part.usage;
        result.providerMetadata = part.providerMetadata;
        break;
      case 'error':
        result.errors.push(part.error);
        break;
    }
  }
  return result;
}

/**
 * Folds parts into a V4 generate result (shared by the JSON path and the stream-only
 * path). An error part in a non-stream answer is thrown: generate has no error channel.
 */
export function toMixRouterGenerateResult(
  parts: LanguageModelV4StreamPart[],
  {
    request,
    response,
    warnings,
  }: {
    request: LanguageModelV4GenerateResult['request'];
    response: { headers?: Record<string, string>; body?: unknown };
    warnings: LanguageModelV4GenerateResult['warnings'];
  },
): LanguageModelV4GenerateResult {
  const result = collectMixRouterContent(parts);
  if (result.errors.length > 0) throw result.errors[0];
  return {
    content: result.content,
    finishReason: result.finishReason,
    usage: result.usage,
    providerMetadata: result.providerMetadata,
    request,
    response: { ...result.response, ...response },
    warnings,
  };
}
