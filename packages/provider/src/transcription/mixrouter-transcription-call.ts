import type {
  JSONObject,
  SharedV4Warning,
  TranscriptionModelV4CallOptions,
  TranscriptionModelV4Result,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  detectMediaType,
  extractResponseHeaders,
  type InferSchema,
  isFullMediaType,
  mediaTypeToExtension,
  postFormDataToApi,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';
import { buildRequestHeaders, parseMixRouterProviderOptions } from '../mixrouter-config';
import {
  createMixRouterJsonResponseHandler,
  mixrouterFailedResponseHandler,
} from '../mixrouter-error';
import { mixrouterTranscriptionSupportsVerboseJson } from '../mixrouter-model-catalogue';
import { mapTranscriptionLanguage } from './map-transcription-language';
import { mixrouterTranscriptionResponseSchema } from './mixrouter-transcription-api';
import type { MixRouterTranscriptionModelConfig } from './mixrouter-transcription-model';
import { mixrouterTranscriptionOptionsSchema } from './mixrouter-transcription-options';

type TranscriptionResponse = InferSchema<typeof mixrouterTranscriptionResponseSchema>;
type ResponseFormat = 'json' | 'verbose_json' | 'text' | 'srt' | 'vtt';

const supportsVerboseJson = mixrouterTranscriptionSupportsVerboseJson;

function audioFilename(mediaType: string): string {
  const extension = mediaTypeToExtension(mediaType);
  return `audio.${extension.length > 0 ? extension : 'mp3'}`;
}

function formValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** JSON formats through the gateway JSON handler; `text`/`srt`/`vtt` answers are the text. */
function createTranscriptionResponseHandler(
  responseFormat: ResponseFormat,
): ResponseHandler<TranscriptionResponse> {
  const jsonHandler = createMixRouterJsonResponseHandler(mixrouterTranscriptionResponseSchema);
  return async (options) => {
    const contentType = options.response.headers.get('content-type') ?? '';
    if (
      contentType.includes('json') ||
      responseFormat === 'json' ||
      responseFormat === 'verbose_json'
    ) {
      return jsonHandler(options);
    }
    const text = await options.response.text();
    return {
      value: { text },
      rawValue: text,
      responseHeaders: extractResponseHeaders(options.response),
    };
  };
}

/** The request side of MixRouterTranscriptionModel, loaded on its first call (importing the package stays cheap). */
export class MixRouterTranscriptionCalls {
  constructor(
    readonly modelId: string,
    private readonly config: MixRouterTranscriptionModelConfig,
  ) {}

  async doGenerate(options: TranscriptionModelV4CallOptions): Promise<TranscriptionModelV4Result> {
    const { audio, mediaType, timestampGranularities, abortSignal, headers } = options;
    const warnings: SharedV4Warning[] = [];
    const providerOptions = await parseMixRouterProviderOptions({
      providerOptions: options.providerOptions,
      schema: mixrouterTranscriptionOptionsSchema,
    });

    const verbose = supportsVerboseJson(this.modelId);
    const responseFormat: ResponseFormat =
      providerOptions?.responseFormat ?? (verbose ? 'verbose_json' : 'json');

    const granularities = providerOptions?.timestampGranularities ?? timestampGranularities ?? [];
    const sendGranularities = granularities.length > 0 && responseFormat === 'verbose_json';
    if (granularities.length > 0 && !sendGranularities) {
      warnings.push({
        type: 'unsupported',
        feature: 'timestampGranularities',
        details: `Timestamps need response_format verbose_json, which ${
          verbose ? `was replaced by ${responseFormat}` : `${this.modelId} does not support`
        }.`,
      });
    }

    const bytes = typeof audio === 'string' ? convertBase64ToUint8Array(audio) : audio;
    const fileMediaType = isFullMediaType(mediaType)
      ? mediaType
      : (detectMediaType({ data: bytes, topLevelType: 'audio' }) ?? 'audio/mpeg');
    const blobBytes =
      bytes.buffer instanceof ArrayBuffer
        ? (bytes as Uint8Array<ArrayBuffer>)
        : new Uint8Array(bytes);

    const formData = new FormData();
    formData.append(
      'file',
      new Blob([blobBytes], { type: fileMediaType }),
      audioFilename(fileMediaType),
    );
    const fields: Record<string, unknown> = {
      model: this.modelId,
      response_format: responseFormat,
      language: providerOptions?.language,
      prompt: providerOptions?.prompt,
      temperature: providerOptions?.temperature,
      ...providerOptions?.extraBody,
    };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined && value !== null) formData.append(key, formValue(value));
    }
    if (sendGranularities) {
      for (const granularity of granularities) {
        formData.append('timestamp_granularities[]', granularity);
      }
    }

    const timestamp = this.config._internal?.currentDate?.() ?? new Date();
    const { value, rawValue, responseHeaders } = await postFormDataToApi({
      url: this.config.url('/audio/transcriptions'),
      headers: buildRequestHeaders(this.config, headers),
      formData,
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler: createTranscriptionResponseHandler(responseFormat),
      abortSignal,
      fetch: this.config.fetch,
    });

    const segments = (value.segments ?? []).map((segment) => ({
      text: segment.text,
      startSecond: segment.start,
      endSecond: segment.end,
    }));
    const words = value.words?.map((word) => ({
      text: word.word,
      startSecond: word.start,
      endSecond: word.end,
    }));

    const metadata: JSONObject = {};
    if (value.language != null) metadata.language = value.language;

    return {
      text: value.text,
      segments,
      ...(words !== undefined ? { words } : {}),
      language: mapTranscriptionLanguage(value.language),
      durationInSeconds: value.duration ?? undefined,
      warnings,
      ...(value.usage != null ? { usage: value.usage as JSONObject } : {}),
      response: {
        timestamp,
        modelId: this.modelId,
        headers: responseHeaders,
        body: rawValue,
      },
      providerMetadata: { mixrouter: metadata },
    };
  }
}
