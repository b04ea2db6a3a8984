import type {
  JSONObject,
  SharedV4Warning,
  SpeechModelV4,
  SpeechModelV4CallOptions,
  SpeechModelV4Result,
} from '@ai-sdk/provider';
import { postJsonToApi, WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import { downloadResponseUrl } from '../download-response-url';
import {
  buildRequestHeaders,
  type MixRouterConfig,
  parseMixRouterProviderOptions,
} from '../mixrouter-config';
import { mixrouterFailedResponseHandler } from '../mixrouter-error';
import { getMixRouterSpeechDefaultVoice } from '../mixrouter-model-catalogue';
import type { MixRouterSpeechModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';
import { mixrouterSpeechOptionsSchema } from './mixrouter-speech-options';
import { mixrouterSpeechResponseHandler } from './mixrouter-speech-response-handler';

export type MixRouterSpeechModelConfig = MixRouterConfig & {
  _internal?: { currentDate?: () => Date };
};

/** The `response_format` values the gateway documents for `/audio/speech`. */
export const MIXROUTER_SPEECH_FORMATS = ['mp3', 'wav', 'pcm', 'opus', 'aac', 'flac'] as const;

const defaultVoice = getMixRouterSpeechDefaultVoice;

/** `POST /audio/speech` (protocol §8.1): audio bytes, or JSON with an `audio_url`. */
export class MixRouterSpeechModel implements SpeechModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterSpeechModelId;

  private readonly config: MixRouterSpeechModelConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterSpeechModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterSpeechModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['speech']);
    return guard(new MixRouterSpeechModel(modelId, config('speech')));
  }

  constructor(modelId: MixRouterSpeechModelId, config: MixRouterSpeechModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: SpeechModelV4CallOptions): Promise<SpeechModelV4Result> {
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
        details: `${this.modelId} on MixRouter has no language parameter; the language follows the text and voice.`,
      });
    }

    const body = {
      model: this.modelId,
      input: text,
      voice: voice ?? defaultVoice(this.modelId),
      response_format: responseFormat,
      speed,
      instructions,
      ...providerOptions?.extraBody,
    };

    const timestamp = this.config._internal?.currentDate?.() ?? new Date();
    const { value, responseHeaders } = await postJsonToApi({
      url: this.config.url('/audio/speech'),
      headers: buildRequestHeaders(this.config, headers),
      body,
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler: mixrouterSpeechResponseHandler,
      abortSignal,
      fetch: this.config.fetch,
    });

    const metadata: JSONObject = {};
    let audio: Uint8Array;
    let responseBody: unknown;
    if (value.type === 'url') {
      const downloaded = await downloadResponseUrl({
        url: value.url,
        config: this.config,
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
      response: { timestamp, modelId: this.modelId, headers: responseHeaders, body: responseBody },
      providerMetadata: { mixrouter: metadata },
    };
  }
}
