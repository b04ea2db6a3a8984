import type {
  JSONObject,
  SharedV4Warning,
  SpeechModelV4CallOptions,
  SpeechModelV4Result,
} from '@ai-sdk/provider';
import { postJsonToApi } from '@ai-sdk/provider-utils';
import { downloadResponseUrl } from '../download-response-url';
import { buildRequestHeaders, parseMixRouterProviderOptions } from '../mixrouter-config';
import { mixrouterFailedResponseHandler } from '../mixrouter-error';
import { getMixRouterSpeechDefaultVoice } from '../mixrouter-model-catalogue';
import type { MixRouterSpeechModelConfig } from './mixrouter-speech-model';
import { mixrouterSpeechOptionsSchema } from './mixrouter-speech-options';
import { mixrouterSpeechResponseHandler } from './mixrouter-speech-response-handler';

/** The `response_format` values the gateway documents for `/audio/speech`. */
export const MIXROUTER_SPEECH_FORMATS = ['mp3', 'wav', 'pcm', 'opus', 'aac', 'flac'] as const;

const defaultVoice = getMixRouterSpeechDefaultVoice;

/** `POST /audio/speech` for MixRouterSpeechModel (loaded on its first call). */
export async function doMixRouterSpeech(
  modelId: string,
  config: MixRouterSpeechModelConfig,
  options: SpeechModelV4CallOptions,
): Promise<SpeechModelV4Result> {
  const { text, voice, outputFormat, instructions, speed, language, abortSignal, headers } =
    options;
  const warnings: SharedV4Warning[] = [];
  const providerOptions = await parseMixRouterProviderOptions({
    providerOptions: options.providerOptions,
    schema: mixrouterSpeechOptionsSchema,
  });

  let responseFormat = providerOptions?.responseFormat;
  if (responseFormat === undefined && outputFormat !== undefined) {
    const normalized = outputFormat.toLowerCase();
    if ((MIXROUTER_SPEECH_FORMATS as readonly string[]).includes(normalized)) {
      responseFormat = normalized;
    } else {
      warnings.push({
        type: 'unsupported',
        feature: 'outputFormat',
        details: `Unsupported output format "${outputFormat}"; use one of ${MIXROUTER_SPEECH_FORMATS.join(', ')}. The gateway default (mp3) is used.`,
      });
    }
  }
  if (language !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'language',
      details: `${modelId} on MixRouter has no language parameter; the language follows the text and voice.`,
    });
  }

  const body = {
    model: modelId,
    input: text,
    voice: voice ?? defaultVoice(modelId),
    response_format: responseFormat,
    speed,
    instructions,
    ...providerOptions?.extraBody,
  };

  const timestamp = config._internal?.currentDate?.() ?? new Date();
  const { value, responseHeaders } = await postJsonToApi({
    url: config.url('/audio/speech'),
    headers: buildRequestHeaders(config, headers),
    body,
    failedResponseHandler: mixrouterFailedResponseHandler,
    successfulResponseHandler: mixrouterSpeechResponseHandler,
    abortSignal,
    fetch: config.fetch,
  });

  const metadata: JSONObject = {};
  let audio: Uint8Array;
  let responseBody: unknown;
  if (value.type === 'url') {
    const downloaded = await downloadResponseUrl({
      url: value.url,
      config: config,
      headers,
      abortSignal,
    });
    audio = downloaded.data;
    responseBody = value.body;
    metadata.audioUrl = value.url;
    if (downloaded.mediaType !== undefined) metadata.mediaType = downloaded.mediaType;
  } else {
    audio = value.data;
    if (value.mediaType !== undefined) metadata.mediaType = value.mediaType;
  }

  return {
    audio,
    warnings,
    request: { body: JSON.stringify(body) },
    response: { timestamp, modelId: modelId, headers: responseHeaders, body: responseBody },
    providerMetadata: { mixrouter: metadata },
  };
}
