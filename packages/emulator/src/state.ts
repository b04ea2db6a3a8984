import { Counters } from './ids.ts';

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON, `{fields, files}` for multipart, the raw text if JSON parsing failed, or undefined. */
  body: unknown;
}

export interface StoredFile {
  contentType: string;
  body: Buffer;
}

export type VideoShape = 'mar26' | 'dec25';

export interface VideoTask {
  id: string;
  /** Numeric row id of the gateway's task table. */
  row: number;
  model: string;
  prompt: string;
  createdAt: number;
  completedAt?: number;
  polls: number;
  pollsToComplete: number;
  willFail: boolean;
  shape: VideoShape;
  size?: string;
  seconds?: string;
  images: string[];
  metadata: Record<string, unknown>;
}

/** The account behind the key, as new-api's billing routes see it (quota points). */
export interface EmulatorBilling {
  remainQuota: number;
  usedQuota: number;
  /** A token with `unlimited_quota`. */
  unlimited: boolean;
  /** The operator's quota display setting (USD by default). */
  displayType: 'USD' | 'CNY' | 'TOKENS';
  usdExchangeRate: number;
  /** Token expiry, unix seconds; 0 = never. */
  accessUntil: number;
}

export const DEFAULT_BILLING: EmulatorBilling = {
  remainQuota: 11_187_500,
  usedQuota: 1_562_500,
  unlimited: false,
  displayType: 'USD',
  usdExchangeRate: 7.3,
  accessUntil: 0,
};

export interface EmulatorState {
  apiKey: string;
  origin: string;
  requests: RecordedRequest[];
  /** Unauthenticated downloads under /files/… (stand-ins for S3 URLs), keyed by path. */
  files: Map<string, StoredFile>;
  counters: Counters;
  /** Requests seen per `x-emulator-fault-key` (for `x-emulator-fail-times`). */
  faultCounts: Map<string, number>;
  videos: Map<string, VideoTask>;
  billing: EmulatorBilling;
  /** Enforce the upstream contracts (contracts/); false = lenient. */
  strict: boolean;
  /** Ids of /v1/responses responses and output items stored upstream (`store` not false). */
  storedResponseItems: Set<string>;
  /** Client events received on realtime WebSockets, in order. */
  realtimeEvents: unknown[];
}

export function createState(
  apiKey: string,
  billing: Partial<EmulatorBilling> = {},
  strict = true,
): EmulatorState {
  return {
    apiKey,
    origin: '',
    requests: [],
    files: new Map(),
    counters: new Counters(),
    faultCounts: new Map(),
    videos: new Map(),
    billing: { ...DEFAULT_BILLING, ...billing },
    strict,
    storedResponseItems: new Set(),
    realtimeEvents: [],
  };
}

/** Stores a file for unauthenticated download and returns its absolute URL. */
export function storeFile(
  state: EmulatorState,
  path: string,
  contentType: string,
  body: Buffer,
): string {
  state.files.set(path, { contentType, body });
  return `${state.origin}${path}`;
}
