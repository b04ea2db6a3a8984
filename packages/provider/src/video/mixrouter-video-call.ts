import {
  APICallError,
  InvalidArgumentError,
  InvalidResponseDataError,
  type JSONObject,
  type JSONValue,
  type SharedV4Warning,
  type Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  type Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  type Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
  type Experimental_VideoModelV4VideoData as VideoModelV4VideoData,
} from '@ai-sdk/provider';
import { encodePathSegment, getFromApi, postJsonToApi } from '@ai-sdk/provider-utils';
import { downloadResponseUrl } from '../download-response-url';
import { buildRequestHeaders, parseMixRouterProviderOptions } from '../mixrouter-config';
import { mixrouterFailedResponseHandler } from '../mixrouter-error';
import { isJsonRecord as isObject } from '../mixrouter-json-guards';
import { buildMixRouterVideoBody } from './build-mixrouter-video-body';
import { extractMixRouterVideoUrl, isHttpUrl } from './extract-mixrouter-video-url';
import { mapMixRouterVideoStatus, parseMixRouterVideoProgress } from './map-mixrouter-video-status';
import { mixrouterVideoResponseHandler } from './mixrouter-video-api';
import type {
  MixRouterVideoEndpoint,
  MixRouterVideoModelConfig,
  MixRouterVideoOperation,
} from './mixrouter-video-model';
import { mixrouterVideoOptionsSchema } from './mixrouter-video-options';

function idString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

/** Submit answers: `{id, task_id}` (new builds), `{task_id}` (old), or an envelope `{data:{…}}`. */
function readTaskId(body: Record<string, unknown>): string | undefined {
  const data = body.data;
  return (
    idString(body.id) ??
    idString(body.task_id) ??
    (isObject(data) ? (idString(data.id) ?? idString(data.task_id)) : idString(data))
  );
}

/**
 * The task record inside any fetch answer: the envelope `{code:"success", data:{…task}}`,
 * the OpenAI-Video object, or the flat `{task_id, status, url}` shape.
 */
function readTaskRecord(body: Record<string, unknown>): Record<string, unknown> {
  if (isObject(body.data) && (body.code !== undefined || body.status === undefined)) {
    return body.data;
  }
  return body;
}

function readStatus(task: Record<string, unknown>): unknown {
  if (task.status !== undefined && task.status !== null) return task.status;
  return isObject(task.data) ? task.data.status : undefined;
}

function readFailure(task: Record<string, unknown>): string | undefined {
  const error = task.error;
  const vendor = isObject(task.data) ? task.data : undefined;
  const vendorError = vendor !== undefined && isObject(vendor.error) ? vendor.error : undefined;
  const failReason = nonEmptyString(task.fail_reason);
  return (
    (isObject(error) ? nonEmptyString(error.message) : nonEmptyString(error)) ??
    (failReason !== undefined && !isHttpUrl(failReason) ? failReason : undefined) ??
    nonEmptyString(vendorError?.message) ??
    nonEmptyString(task.message)
  );
}

function parseOperation(operation: JSONValue): MixRouterVideoOperation {
  if (isObject(operation)) {
    const taskId = idString(operation.taskId);
    const endpoint = operation.endpoint;
    if (taskId !== undefined) {
      return { taskId, endpoint: endpoint === 'videos' ? 'videos' : 'video/generations' };
    }
  }
  throw new InvalidArgumentError({
    argument: 'operation',
    message: 'Expected a MixRouter video operation { taskId, endpoint } as returned by doStart.',
  });
}

function videoMediaType(mediaType: string | undefined, format: unknown): string {
  if (mediaType?.startsWith('video/')) return mediaType;
  if (typeof format === 'string' && /^[a-z0-9]+$/i.test(format)) {
    return `video/${format.toLowerCase() === 'mov' ? 'quicktime' : format.toLowerCase()}`;
  }
  return 'video/mp4';
}

/** The request side of MixRouterVideoModel, loaded on its first call (importing the package stays cheap). */
export class MixRouterVideoCalls {
  constructor(
    readonly modelId: string,
    private readonly config: MixRouterVideoModelConfig,
  ) {}

  private currentDate(): Date {
    return this.config._internal?.currentDate?.() ?? new Date();
  }

  async doStart(
    options: VideoModelV4CallOptions & { webhookUrl?: string },
  ): Promise<VideoModelV4OperationStartResult> {
    const warnings: SharedV4Warning[] = [];
    const providerOptions = await parseMixRouterProviderOptions({
      providerOptions: options.providerOptions,
      schema: mixrouterVideoOptionsSchema,
    });
    const endpoint: MixRouterVideoEndpoint = providerOptions?.endpoint ?? 'video/generations';
    const body = buildMixRouterVideoBody({
      modelId: this.modelId,
      options,
      providerOptions,
      warnings,
    });

    const timestamp = this.currentDate();
    const { value, rawValue, responseHeaders } = await postJsonToApi({
      url: this.config.url(`/${endpoint}`),
      headers: buildRequestHeaders(this.config, options.headers),
      body,
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler: mixrouterVideoResponseHandler,
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
    });

    const taskId = readTaskId(value);
    if (taskId === undefined) {
      throw new InvalidResponseDataError({
        data: rawValue,
        message: `MixRouter accepted the video task for ${this.modelId} but returned neither "id" nor "task_id".`,
      });
    }

    const metadata: JSONObject = { taskId };
    const status = nonEmptyString(readStatus(readTaskRecord(value)));
    if (status !== undefined) metadata.status = status;

    const operation: MixRouterVideoOperation = { taskId, endpoint };
    return {
      operation,
      warnings,
      providerMetadata: { mixrouter: metadata },
      response: { timestamp, modelId: this.modelId, headers: responseHeaders },
    };
  }

  async doStatus({
    operation,
    abortSignal,
    headers,
  }: {
    operation: JSONValue;
    abortSignal?: AbortSignal;
    headers?: Record<string, string | undefined>;
  }): Promise<VideoModelV4OperationStatusResult> {
    const { taskId, endpoint } = parseOperation(operation);
    const timestamp = this.currentDate();
    const id = encodePathSegment(taskId);

    const fetchTask = (path: string) =>
      getFromApi({
        url: this.config.url(path),
        headers: buildRequestHeaders(this.config, headers),
        failedResponseHandler: mixrouterFailedResponseHandler,
        successfulResponseHandler: mixrouterVideoResponseHandler,
        abortSignal,
        fetch: this.config.fetch,
        // Built from the configured base URL, not from response data.
        validateUrl: false,
      });

    let fetched: Awaited<ReturnType<typeof fetchTask>>;
    if (endpoint === 'videos') {
      try {
        fetched = await fetchTask(`/videos/${id}`);
      } catch (error) {
        // Builds without the OpenAI-Videos fetch route: use the generic one.
        if (!(APICallError.isInstance(error) && error.statusCode === 404)) throw error;
        fetched = await fetchTask(`/video/generations/${id}`);
      }
    } else {
      fetched = await fetchTask(`/video/generations/${id}`);
    }

    const task = readTaskRecord(fetched.value);
    const rawStatus = readStatus(task);
    const status = mapMixRouterVideoStatus(rawStatus);
    const progress = parseMixRouterVideoProgress(task.progress);

    const metadata: JSONObject = { taskId };
    if (typeof rawStatus === 'string') metadata.status = rawStatus;
    if (progress !== undefined) metadata.progress = progress;
    const response = {
      timestamp,
      modelId: this.modelId,
      headers: fetched.responseHeaders,
    };

    if (status === 'pending') {
      return { status: 'pending', providerMetadata: { mixrouter: metadata }, response };
    }

    if (status === 'error') {
      const reason = readFailure(task);
      return {
        status: 'error',
        error: `MixRouter video task ${taskId} (${this.modelId}) failed${reason !== undefined ? `: ${reason}` : '.'}`,
        providerMetadata: { mixrouter: metadata },
        response,
      };
    }

    const { video, sourceUrl } = await this.resolveVideo({
      task,
      taskId: id,
      abortSignal,
      headers,
    });
    metadata.videoUrl = sourceUrl;
    return {
      status: 'completed',
      videos: [video],
      warnings: [],
      providerMetadata: { mixrouter: metadata },
      response,
    };
  }

  /**
   * The video is downloaded here, whatever its origin, so the address-level checks of
   * `downloadResponseUrl` apply to it (handing a URL to `ai` would leave the download
   * to a downloader that only checks the literal host). A URL on another origin gets no
   * credentials; one on the gateway's origin, or no URL at all (then
   * `GET /videos/{id}/content`, which needs the API key), gets Authorization.
   */
  private async resolveVideo({
    task,
    taskId,
    abortSignal,
    headers,
  }: {
    task: Record<string, unknown>;
    taskId: string;
    abortSignal: AbortSignal | undefined;
    headers: Record<string, string | undefined> | undefined;
  }): Promise<{ video: VideoModelV4VideoData; sourceUrl: string }> {
    const url = extractMixRouterVideoUrl(task, { succeeded: true });
    const sourceUrl = url ?? this.config.url(`/videos/${taskId}/content`);
    const downloaded = await downloadResponseUrl({
      url: sourceUrl,
      config: this.config,
      headers,
      abortSignal,
    });
    return {
      video: {
        type: 'binary',
        data: downloaded.data,
        mediaType: videoMediaType(downloaded.mediaType, task.format),
      },
      sourceUrl,
    };
  }
}
