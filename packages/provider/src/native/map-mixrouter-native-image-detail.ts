import type { LanguageModelV4Prompt, SharedV4Warning } from '@ai-sdk/provider';
import {
  type MixRouterImageDetail,
  parseMixRouterFilePartOptions,
} from '../chat/mixrouter-file-part-options';
import type { MixRouterNativeRoute } from './mixrouter-native-providers';

/**
 * `imageDetail` (call level, or a file part's own, which wins) on the native routes. The
 * Responses API has the same knob, read by `@ai-sdk/openai` from the part's
 * `providerOptions.openai.imageDetail` (set here unless the part already has one); the
 * Messages and Gemini APIs have none, so an image that asked for one gets an
 * `unsupported` warning. Part options are validated like on chat completions.
 */
export function mapMixRouterNativeImageDetail({
  route,
  prompt,
  imageDetail,
  warnings,
}: {
  route: MixRouterNativeRoute;
  prompt: LanguageModelV4Prompt;
  imageDetail: MixRouterImageDetail | undefined;
  warnings: SharedV4Warning[];
}): LanguageModelV4Prompt {
  let dropped = false;
  const mapped = prompt.map((message) => {
    if (message.role !== 'user') return message;
    let changed = false;
    const content = message.content.map((part) => {
      if (part.type !== 'file') return part;
      const detail = parseMixRouterFilePartOptions(part).imageDetail ?? imageDetail;
      if (detail === undefined || !part.mediaType.startsWith('image')) return part;
      if (route !== 'responses') {
        dropped = true;
        return part;
      }
      const openai = part.providerOptions?.openai as Record<string, unknown> | undefined;
      if (openai?.imageDetail !== undefined) return part;
      changed = true;
      return {
        ...part,
        providerOptions: { ...part.providerOptions, openai: { ...openai, imageDetail: detail } },
      };
    });
    return changed ? { ...message, content } : message;
  });
  if (dropped) {
    warnings.push({
      type: 'unsupported',
      feature: 'imageDetail',
      details: `imageDetail has no equivalent on the ${route} route; the images were sent without it.`,
    });
  }
  return mapped;
}
