import {
  type Experimental_RealtimeFactoryV4,
  type Experimental_RealtimeModelV4,
  type Experimental_RealtimeModelV4ClientEvent,
  type Experimental_RealtimeModelV4ServerConnection,
  type Experimental_RealtimeModelV4ServerEvent,
  type Experimental_RealtimeModelV4SessionConfig,
  type Experimental_RealtimeModelV4SessionIntent,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import { buildRequestHeaders, type MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import type { MixRouterRealtimeModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';
import {
  type MixRouterNativeProviderLoaders,
  missingMixRouterNativeProviderError,
  RUN_TIME_NATIVE_PROVIDERS,
} from '../native/mixrouter-native-providers';

/**
 * The realtime protocol generation MixRouter relays. `beta` (default): new-api dials
 * OpenAI with `OpenAI-Beta: realtime=v1`, so events are translated to and from the GA
 * shapes `@ai-sdk/openai` speaks. `ga`: frames pass as `@ai-sdk/openai` writes them (a
 * gateway build that relays the GA protocol).
 */
export type MixRouterRealtimeProtocol = 'beta' | 'ga';

export type MixRouterRealtimeOptions = { protocol?: MixRouterRealtimeProtocol };

type BetaProtocol = typeof import('./mixrouter-realtime-beta-protocol');

const loadBetaProtocol = /* @__PURE__ */ lazyLoad(
  () => import('./mixrouter-realtime-beta-protocol'),
);

type OpenAIRealtime = Experimental_RealtimeModelV4 & {
  buildSessionConfig(
    config: Experimental_RealtimeModelV4SessionConfig,
    options?: { intent?: Experimental_RealtimeModelV4SessionIntent },
  ): unknown;
};

/**
 * `native.openai` is how the native routes get `createOpenAI` (lazily imported by the main
 * entry, passed in on `/core`); the realtime model gets it the same way.
 */
export type MixRouterRealtimeConfig = MixRouterConfig & {
  native: MixRouterNativeProviderLoaders;
};

// `@ai-sdk/openai` checks that a key is set; this model never lets it connect (the
// connection is built here with the real key), so it only ever sees this placeholder.
const PLACEHOLDER_KEY = 'mixrouter-key-set-by-server-connection';

const NO_CLIENT_SECRETS =
  'MixRouter has no /realtime/client_secrets (new-api does not implement ephemeral realtime tokens), so a browser cannot get a short-lived key. Relay the session through a server that holds the MixRouter key: open the upstream socket with getServerWebSocketConfig() and pass frames through.';

function unsupported(functionality: string, message: string): UnsupportedFunctionalityError {
  return new UnsupportedFunctionalityError({ functionality, message });
}

/**
 * `https://host/v1/realtime` → `wss://host/v1/realtime?model=<id>` (new-api reads the
 * model from the query; other query parameters of the base URL are kept).
 */
export function mixrouterRealtimeUrl(httpURL: string, modelId: string): string {
  const url = new URL(httpURL);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`MixRouter realtime: baseURL must be http(s), got ${url.protocol}`);
  }
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  url.searchParams.set('model', modelId);
  return url.href;
}

/**
 * `GET /v1/realtime` (WebSocket) for OpenAI realtime models, composed from
 * `@ai-sdk/openai`'s realtime model (session config, client-event serialisation and
 * server-event mapping), pointed at the gateway. Server-side only: the connection needs
 * the long-lived key in a header, see {@link getServerWebSocketConfig}.
 *
 * `parseServerEvent` and `buildSessionConfig` are synchronous in the V4 interface, so the
 * official model is loaded when this model is created; `await model.ready` (or any async
 * method, e.g. `getServerWebSocketConfig()`) before calling them.
 */
export class MixRouterRealtimeModel implements Experimental_RealtimeModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterRealtimeModelId;
  readonly protocol: MixRouterRealtimeProtocol;
  // Only a server that holds the key can connect: no client secrets, no WebRTC.
  readonly capabilities = {
    conversation: 'turn-based',
    transports: ['websocket'],
    connections: ['server-websocket'],
  } as const;
  /** Settles when the `@ai-sdk/openai` realtime implementation is loaded. */
  readonly ready: Promise<void>;

  private readonly config: MixRouterRealtimeConfig;
  private inner: OpenAIRealtime | undefined;
  private beta: BetaProtocol | undefined;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterRealtimeModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config, { protocol: model.protocol });
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterRealtimeModel {
    const { modelId, config, options } = rebuildMixRouterModel(state, ['realtime']);
    const protocol = options.protocol === 'ga' ? 'ga' : 'beta';
    return new MixRouterRealtimeModel(
      modelId,
      { ...config('realtime'), native: RUN_TIME_NATIVE_PROVIDERS },
      { protocol },
    );
  }

  constructor(
    modelId: MixRouterRealtimeModelId,
    config: MixRouterRealtimeConfig,
    options: MixRouterRealtimeOptions = {},
  ) {
    this.modelId = modelId;
    this.config = config;
    this.protocol = options.protocol ?? 'beta';
    const load = config.native.openai;
    if (load == null) {
      throw missingMixRouterNativeProviderError({
        modelId,
        route: '/realtime',
        provider: 'openai',
      });
    }
    // The beta translation loads with the official model, not when the package is imported.
    const beta = this.protocol === 'beta' ? loadBetaProtocol() : undefined;
    this.ready = Promise.all([load(), beta]).then(([createOpenAI, betaProtocol]) => {
      // Only its pure protocol methods are used: the connection is built here.
      this.inner = createOpenAI({
        apiKey: PLACEHOLDER_KEY,
        baseURL: config.baseURL,
      }).experimental_realtime(modelId, { api: 'realtime' });
      this.beta = betaProtocol;
    });
    // Surfaced by every method that needs the model; not an unhandled rejection here.
    this.ready.catch(() => {});
  }

  get provider(): string {
    return this.config.provider;
  }

  private loaded(method: string): OpenAIRealtime {
    if (this.inner === undefined) {
      throw new Error(
        `MixRouter realtime model ${this.modelId}: ${method}() was called before the @ai-sdk/openai realtime implementation finished loading; await model.ready (or getServerWebSocketConfig()) first.`,
      );
    }
    return this.inner;
  }

  private static checkIntent(intent: Experimental_RealtimeModelV4SessionIntent | undefined) {
    if (intent !== undefined && intent !== 'conversation') {
      throw unsupported(
        `realtime intent '${intent}'`,
        `MixRouter realtime supports conversation sessions only: new-api picks the channel from ?model= and has no transcription-intent route (intent '${intent}').`,
      );
    }
  }

  /**
   * The upstream connection for a server that owns the socket:
   * `ws(s)://<base>/realtime?model=<id>`, `Authorization: Bearer <key>`, our user agent
   * and the provider's extra headers. Deliberately no `Sec-WebSocket-Protocol`: older
   * new-api builds replace Authorization with that header when it carries no
   * `openai-insecure-api-key.` part, and reject the handshake as an invalid token.
   */
  async getServerWebSocketConfig(options?: {
    intent?: Experimental_RealtimeModelV4SessionIntent;
  }): Promise<Experimental_RealtimeModelV4ServerConnection> {
    MixRouterRealtimeModel.checkIntent(options?.intent);
    await this.ready;
    return {
      url: mixrouterRealtimeUrl(this.config.url('/realtime'), this.modelId),
      headers: buildRequestHeaders(this.config),
    };
  }

  async doCreateClientSecret(): Promise<never> {
    throw unsupported('realtime client secrets', NO_CLIENT_SECRETS);
  }

  buildSessionConfig(
    config: Experimental_RealtimeModelV4SessionConfig,
    options?: { intent?: Experimental_RealtimeModelV4SessionIntent },
  ): Record<string, unknown> {
    MixRouterRealtimeModel.checkIntent(options?.intent);
    const session = this.loaded('buildSessionConfig').buildSessionConfig(config, options) as Record<
      string,
      unknown
    >;
    return this.beta ? this.beta.toBetaSession(session) : session;
  }

  async serializeClientEvent(
    event: Experimental_RealtimeModelV4ClientEvent,
    options?: { intent?: Experimental_RealtimeModelV4SessionIntent },
  ): Promise<unknown> {
    MixRouterRealtimeModel.checkIntent(options?.intent);
    await this.ready;
    const serialized = await this.loaded('serializeClientEvent').serializeClientEvent(
      event,
      options,
    );
    if (serialized === undefined) {
      throw unsupported(
        `realtime client event '${event.type}'`,
        `MixRouter realtime (OpenAI realtime protocol) has no equivalent of the '${event.type}' client event (model ${this.modelId}).`,
      );
    }
    return this.beta ? this.beta.toBetaClientEvent(serialized) : serialized;
  }

  parseServerEvent(
    raw: unknown,
  ): Experimental_RealtimeModelV4ServerEvent | Experimental_RealtimeModelV4ServerEvent[] {
    const inner = this.loaded('parseServerEvent');
    if (this.beta === undefined) return inner.parseServerEvent(raw);
    const parsed = inner.parseServerEvent(this.beta.toGaServerEvent(raw));
    // `raw` stays what the gateway actually sent.
    return Array.isArray(parsed) ? parsed.map((e) => ({ ...e, raw })) : { ...parsed, raw };
  }
}

export interface MixRouterRealtimeFactory extends Experimental_RealtimeFactoryV4 {
  (modelId: MixRouterRealtimeModelId, options?: MixRouterRealtimeOptions): MixRouterRealtimeModel;
}

/** `provider.experimental_realtime`: the model factory; `getToken` explains why there are no browser tokens. */
export function createMixRouterRealtimeFactory(
  config: () => MixRouterRealtimeConfig,
): MixRouterRealtimeFactory {
  const factory = (modelId: MixRouterRealtimeModelId, options?: MixRouterRealtimeOptions) =>
    new MixRouterRealtimeModel(modelId, config(), options);
  return Object.assign(factory, {
    getToken: async (): Promise<never> => {
      throw unsupported('realtime client secrets', NO_CLIENT_SECRETS);
    },
  });
}
