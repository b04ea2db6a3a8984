/**
 * Shapes shared by the browser page and the server. Model facts come from the
 * provider's catalogue through `GET /api/models`; the page never hard-codes them.
 */

/** What a model accepts besides text, and what it can do. */
export interface ModelCapabilities {
  images: boolean;
  audio: boolean;
  pdf: boolean;
  video: boolean;
  reasoning: boolean;
  tools: boolean;
  imageOutput: boolean;
}

export interface ModelEntry {
  id: string;
  family: string;
  /** `true` when the id is in the catalogue; `false` when its facts are inferred from the name. */
  listed: boolean;
  capabilities: ModelCapabilities;
}

export interface ModelGroup {
  family: string;
  models: ModelEntry[];
}

export type GatewayTarget = 'emulator' | 'mixrouter';

export interface ModelsResponse {
  target: GatewayTarget;
  baseURL: string;
  /** `live`: the key's `/v1/models` merged with the catalogue; `catalogue`: the live list failed. */
  source: 'live' | 'catalogue';
  /** Why the live list could not be used (only with `source: 'catalogue'`). */
  notice?: string;
  /** The picker's initial choice. */
  defaultModel: string;
  groups: ModelGroup[];
}

/** Gateway conditions the emulator can be asked to reproduce (ignored against the real API). */
export const SIMULATIONS = ['none', 'quota', 'rate-limit'] as const;
export type Simulation = (typeof SIMULATIONS)[number];

/** The extra body fields the page sends with every chat request. */
export interface ChatRequestExtras {
  model: string;
  simulate?: Simulation;
}

export interface AnswerUsage {
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  cachedInputTokens?: number;
  totalTokens?: number;
}

/** Message metadata sent by the server at the start and the end of each answer. */
export interface ChatMessageMetadata {
  model?: string;
  startedAt?: number;
  finishReason?: string;
  usage?: AnswerUsage;
  steps?: number;
  /** The SDK's call warnings (settings the model could not honour), for every step so far. */
  warnings?: string[];
}

/** The error text of the UI message stream is this object as JSON. */
export interface ChatErrorPayload {
  /** `MixRouterAPIError.kind` (`insufficient-quota`, `rate-limit`, …) or `error`. */
  kind: string;
  message: string;
  statusCode?: number;
}
