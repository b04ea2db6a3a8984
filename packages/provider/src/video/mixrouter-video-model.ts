import type {
  JSONValue,
  Experimental_VideoModelV4 as VideoModelV4,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import type { MixRouterVideoModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';

const loadVideoCalls = /* @__PURE__ */ lazyLoad(() => import('./mixrouter-video-call'));

export type MixRouterVideoModelConfig = MixRouterConfig & {
  _internal?: { currentDate?: () => Date };
};

export type MixRouterVideoEndpoint = 'video/generations' | 'videos';

/** The opaque operation `doStart` returns and `doStatus` takes (JSON, durable). */
export type MixRouterVideoOperation = { taskId: string; endpoint: MixRouterVideoEndpoint };

/**
 * Video generation as async tasks (protocol §9), through the V4 start/status flow:
 * `doStart` submits and returns `{ taskId, endpoint }`, `doStatus` polls it. There is no
 * `doGenerate`: `experimental_generateVideo` polls `doStatus` itself.
 */
export class MixRouterVideoModel implements VideoModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterVideoModelId;
  readonly maxVideosPerCall = 1;

  private readonly config: MixRouterVideoModelConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterVideoModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterVideoModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['video']);
    return guard(new MixRouterVideoModel(modelId, config('video')));
  }

  constructor(modelId: MixRouterVideoModelId, config: MixRouterVideoModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  // The request side loads on first use: importing the package does not pay for it.
  private async calls() {
    const { MixRouterVideoCalls } = await loadVideoCalls();
    return new MixRouterVideoCalls(this.modelId, this.config);
  }

  async doStart(
    options: VideoModelV4CallOptions & { webhookUrl?: string },
  ): Promise<VideoModelV4OperationStartResult> {
    return (await this.calls()).doStart(options);
  }

  async doStatus(options: {
    operation: JSONValue;
    abortSignal?: AbortSignal;
    headers?: Record<string, string | undefined>;
  }): Promise<VideoModelV4OperationStatusResult> {
    return (await this.calls()).doStatus(options);
  }
}
