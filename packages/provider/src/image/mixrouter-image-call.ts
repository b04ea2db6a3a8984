import {
  type ImageModelV4CallOptions,
  type ImageModelV4File,
  type ImageModelV4Result,
  type ImageModelV4Usage,
  type JSONObject,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import {
  convertImageModelFileToDataUri,
  type InferSchema,
  postFormDataToApi,
  postJsonToApi,
} from '@ai-sdk/provider-utils';
import { downloadResponseUrl } from '../download-response-url';
import { MAX_CONCURRENT_DOWNLOADS, mapWithConcurrency } from '../map-with-concurrency';
import { buildRequestHeaders, parseMixRouterProviderOptions } from '../mixrouter-config';
import {
  createMixRouterJsonResponseHandler,
  mixrouterFailedResponseHandler,
} from '../mixrouter-error';
import { imageFilename, loadedImageToBlob, loadImageModelFile } from './convert-image-model-file';
import {
  checkResponseBase64,
  decodeImageDataUrl,
  decodeResponseBase64,
} from './decode-image-data-url';
import { generateGeminiImage } from './generate-gemini-image';
import { mapMixRouterImageSize } from './map-mixrouter-image-size';
import { mixrouterImageResponseSchema } from './mixrouter-image-api';
import { getMixRouterImageCapabilities, type MixRouterImageFamily } from './mixrouter-image-family';
import type { MixRouterImageModelConfig } from './mixrouter-image-model';
import { type MixRouterImageOptions, mixrouterImageOptionsSchema } from './mixrouter-image-options';

type MixRouterImageResponse = InferSchema<typeof mixrouterImageResponseSchema>;

type ImageResultEntry = { image: string | Uint8Array; revisedPrompt?: string };

function nonEmpty(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function formValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The request side of MixRouterImageModel, loaded on its first call (importing the package stays cheap). */
export class MixRouterImageCalls {
  constructor(
    readonly modelId: string,
    private readonly config: MixRouterImageModelConfig,
    private readonly family: MixRouterImageFamily,
  ) {}

  private currentDate(): Date {
    return this.config._internal?.currentDate?.() ?? new Date();
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    const warnings: SharedV4Warning[] = [];
    const providerOptions = await parseMixRouterProviderOptions({
      providerOptions: options.providerOptions,
      schema: mixrouterImageOptionsSchema,
    });

    if (this.family === 'gemini') {
      const { createChatModel } = this.config;
      if (createChatModel === undefined) {
        throw new UnsupportedFunctionalityError({
          functionality: `image model ${this.modelId}`,
          message: `${this.modelId} is served through chat completions; the image model needs config.createChatModel.`,
        });
      }
      return generateGeminiImage({
        modelId: this.modelId,
        createChatModel,
        config: this.config,
        callOptions: options,
        providerOptions,
        warnings,
        currentDate: () => this.currentDate(),
      });
    }

    return this.generateThroughImagesApi(options, providerOptions, warnings);
  }

  private async generateThroughImagesApi(
    options: ImageModelV4CallOptions,
    providerOptions: MixRouterImageOptions | undefined,
    warnings: SharedV4Warning[],
  ): Promise<ImageModelV4Result> {
    const { prompt, n, size, aspectRatio, seed, files, mask, abortSignal, headers } = options;
    const capabilities = getMixRouterImageCapabilities(this.family);
    const isEdit = files !== undefined && files.length > 0;

    if (seed !== undefined && !capabilities.takesSeed) {
      warnings.push({
        type: 'unsupported',
        feature: 'seed',
        details: `${this.modelId} does not take a seed on MixRouter.`,
      });
    }
    if (mask !== undefined && !isEdit) {
      warnings.push({
        type: 'unsupported',
        feature: 'mask',
        details: 'A mask is only used together with input images (files).',
      });
    }

    const sizeFields = mapMixRouterImageSize({
      family: this.family,
      modelId: this.modelId,
      size,
      aspectRatio,
      warnings,
    });

    // dall-e answers URLs by default; base64 saves a second download. gpt-image always
    // answers base64 and rejects the parameter, other vendors may not know it.
    const responseFormat =
      providerOptions?.responseFormat ??
      (this.family === 'dall-e-2' || this.family === 'dall-e-3' ? 'b64_json' : undefined);

    const fields: Record<string, unknown> = {
      model: this.modelId,
      prompt,
      n,
      ...sizeFields,
      quality: providerOptions?.quality,
      style: providerOptions?.style,
      background: providerOptions?.background,
      output_format: providerOptions?.outputFormat,
      output_compression: providerOptions?.outputCompression,
      moderation: providerOptions?.moderation,
      response_format: responseFormat,
      input_fidelity: isEdit ? providerOptions?.inputFidelity : undefined,
      user: providerOptions?.user,
      seed: capabilities.takesSeed ? seed : undefined,
      watermark: providerOptions?.watermark,
    };
    if (providerOptions?.inputFidelity !== undefined && !isEdit) {
      warnings.push({
        type: 'unsupported',
        feature: 'providerOptions.mixrouter.inputFidelity',
        details: 'inputFidelity only applies to edits (files).',
      });
    }

    const requestHeaders = buildRequestHeaders(this.config, headers);
    const successfulResponseHandler = createMixRouterJsonResponseHandler(
      mixrouterImageResponseSchema,
    );
    const common = {
      headers: requestHeaders,
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler,
      abortSignal,
      fetch: this.config.fetch,
    };

    const timestamp = this.currentDate();
    let post: { value: MixRouterImageResponse; responseHeaders?: Record<string, string> };

    if (!isEdit) {
      post = await postJsonToApi({
        ...common,
        url: this.config.url('/images/generations'),
        body: { ...fields, ...providerOptions?.extraBody },
      });
    } else if ((providerOptions?.editFormat ?? capabilities.editFormat) === 'json') {
      const urls = files.map((file) => convertImageModelFileToDataUri(file));
      post = await postJsonToApi({
        ...common,
        url: this.config.url('/images/edits'),
        body: {
          ...fields,
          ...(urls.length === 1 ? { image: urls[0] } : { images: urls }),
          mask: mask !== undefined ? convertImageModelFileToDataUri(mask) : undefined,
          ...providerOptions?.extraBody,
        },
      });
    } else {
      const formData = await this.buildEditForm({
        fields: { ...fields, ...providerOptions?.extraBody },
        files,
        mask,
        abortSignal,
      });
      post = await postFormDataToApi({
        ...common,
        url: this.config.url('/images/edits'),
        formData,
      });
    }

    const { value: response, responseHeaders } = post;

    // Downloads: at most `n` (what was asked for), a few at a time. An answer listing
    // hundreds of URLs for `n: 1` must not cause hundreds of downloads. Inline (base64)
    // results cost nothing and are all kept.
    const data: Array<(typeof response.data & {})[number] | undefined> = [...(response.data ?? [])];
    let urlResults = 0;
    for (let i = 0; i < data.length; i++) {
      const item = data[i];
      if (item === undefined || nonEmpty(item.b64_json) !== undefined) continue;
      const url = nonEmpty(item.url);
      if (url === undefined || decodeImageDataUrl(url) !== undefined) continue;
      urlResults++;
      if (urlResults > n) data[i] = undefined;
    }
    if (urlResults > n) {
      warnings.push({
        type: 'other',
        message: `MixRouter returned ${urlResults} image URLs for n=${n} (model ${this.modelId}); only the first ${n} were downloaded, the others are dropped.`,
      });
    }
    const entries = await mapWithConcurrency(
      data,
      MAX_CONCURRENT_DOWNLOADS,
      async (item): Promise<ImageResultEntry | undefined> => {
        if (item === undefined) return undefined;
        const revisedPrompt = nonEmpty(item.revised_prompt);
        const withPrompt = (image: string | Uint8Array): ImageResultEntry =>
          revisedPrompt !== undefined ? { image, revisedPrompt } : { image };

        const base64 = nonEmpty(item.b64_json);
        if (base64 !== undefined) return withPrompt(decodeImageDataUrl(base64)?.base64 ?? base64);

        const url = nonEmpty(item.url);
        if (url === undefined) return undefined;
        const inline = decodeImageDataUrl(url);
        if (inline !== undefined) return withPrompt(inline.base64);
        const { data: downloaded } = await downloadResponseUrl({
          url,
          config: this.config,
          headers,
          abortSignal,
        });
        return withPrompt(downloaded);
      },
    );
    const kept = entries.filter((entry): entry is ImageResultEntry => entry !== undefined);

    // One result holds base64 strings or bytes, never both.
    const images: string[] | Uint8Array[] = kept.every((entry) => typeof entry.image === 'string')
      ? kept.map((entry) => checkResponseBase64(entry.image as string, this.modelId))
      : kept.map((entry) =>
          typeof entry.image === 'string'
            ? decodeResponseBase64(entry.image, this.modelId)
            : entry.image,
        );

    const metadata: { images: JSONObject[] } & JSONObject = {
      images: kept.map((entry) =>
        entry.revisedPrompt !== undefined ? { revisedPrompt: entry.revisedPrompt } : {},
      ),
    };
    if (response.usage != null) metadata.usage = response.usage as JSONObject;
    if (typeof response.created === 'number') metadata.created = response.created;

    return {
      images,
      warnings,
      providerMetadata: { mixrouter: metadata },
      response: { timestamp, modelId: this.modelId, headers: responseHeaders },
      usage: mapImageUsage(response.usage),
    };
  }

  private async buildEditForm({
    fields,
    files,
    mask,
    abortSignal,
  }: {
    fields: Record<string, unknown>;
    files: ImageModelV4File[];
    mask: ImageModelV4File | undefined;
    abortSignal: AbortSignal | undefined;
  }): Promise<FormData> {
    const load = (file: ImageModelV4File) =>
      loadImageModelFile(file, {
        fetch: this.config.inputFetch ?? this.config.fetch,
        abortSignal,
      });
    const [images, maskFile] = await Promise.all([
      Promise.all(files.map(load)),
      mask !== undefined ? load(mask) : undefined,
    ]);

    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined && value !== null) form.append(key, formValue(value));
    }
    // The gateway's own convention: one image → `image`, several → repeated `image[]`.
    if (images.length === 1) {
      const [image] = images;
      form.append('image', loadedImageToBlob(image), imageFilename('image', image.mediaType));
    } else {
      images.forEach((image, index) => {
        form.append(
          'image[]',
          loadedImageToBlob(image),
          imageFilename(`image-${index + 1}`, image.mediaType),
        );
      });
    }
    if (maskFile !== undefined) {
      form.append('mask', loadedImageToBlob(maskFile), imageFilename('mask', maskFile.mediaType));
    }
    return form;
  }
}

function mapImageUsage(
  usage:
    | {
        input_tokens?: number | null;
        output_tokens?: number | null;
        total_tokens?: number | null;
        prompt_tokens?: number | null;
        completion_tokens?: number | null;
      }
    | null
    | undefined,
): ImageModelV4Usage | undefined {
  if (usage == null) return undefined;
  const inputTokens = usage.input_tokens ?? usage.prompt_tokens ?? undefined;
  const outputTokens = usage.output_tokens ?? usage.completion_tokens ?? undefined;
  const totalTokens =
    usage.total_tokens ??
    (inputTokens !== undefined && outputTokens !== undefined
      ? inputTokens + outputTokens
      : undefined);
  return { inputTokens, outputTokens, totalTokens };
}
