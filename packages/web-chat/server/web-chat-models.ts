/**
 * The model picker's data: the key's live `/v1/models` list (which the provider merges
 * with its catalogue), chat models only, grouped by family and marked with what each
 * accepts. When the live list cannot be read, the catalogue alone stands in and the
 * page says so.
 */
import {
  listMixRouterCatalogue,
  type MixRouterModelInfo,
  type MixRouterProvider,
} from '@mixrouter/ai-sdk-provider';
import type {
  GatewayTarget,
  ModelCapabilities,
  ModelEntry,
  ModelGroup,
  ModelsResponse,
} from '../src/web-chat-types';

export function modelCapabilities(info: MixRouterModelInfo): ModelCapabilities {
  return {
    images: info.input.includes('image'),
    audio: info.input.includes('audio'),
    pdf: info.input.includes('pdf'),
    video: info.input.includes('video'),
    reasoning: info.reasoning.control !== 'none',
    tools: info.tools,
    imageOutput: info.output.includes('image'),
  };
}

/** Chat models grouped by family (groups and models sorted by name), duplicates dropped. */
export function groupChatModels(infos: readonly MixRouterModelInfo[]): ModelGroup[] {
  const byFamily = new Map<string, Map<string, ModelEntry>>();
  for (const info of infos) {
    if (info.kind !== 'chat') continue;
    const models = byFamily.get(info.family) ?? new Map<string, ModelEntry>();
    byFamily.set(info.family, models);
    models.set(info.id, {
      id: info.id,
      family: info.family,
      listed: info.listed,
      capabilities: modelCapabilities(info),
    });
  }
  return [...byFamily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, models]) => ({
      family,
      models: [...models.values()].sort((a, b) => a.id.localeCompare(b.id)),
    }));
}

/** The preferred model when the list has it, else the first model that can use tools. */
export function pickDefaultModel(groups: ModelGroup[], preferred: string): string {
  const all = groups.flatMap((g) => g.models);
  return (
    all.find((m) => m.id === preferred)?.id ??
    all.find((m) => m.capabilities.tools)?.id ??
    all[0]?.id ??
    preferred
  );
}

export async function loadModels({
  provider,
  target,
  baseURL,
  preferredModel,
  abortSignal,
}: {
  provider: MixRouterProvider;
  target: GatewayTarget;
  baseURL: string;
  preferredModel: string;
  abortSignal?: AbortSignal;
}): Promise<ModelsResponse> {
  const respond = (
    source: ModelsResponse['source'],
    groups: ModelGroup[],
    notice?: string,
  ): ModelsResponse => ({
    target,
    baseURL,
    source,
    ...(notice ? { notice } : {}),
    defaultModel: pickDefaultModel(groups, preferredModel),
    groups,
  });
  try {
    const listed = await provider.listModels({ abortSignal });
    const groups = groupChatModels(listed.map((model) => model.info));
    if (groups.length > 0) return respond('live', groups);
    return respond(
      'catalogue',
      groupChatModels(listMixRouterCatalogue()),
      'The gateway listed no chat models for this key; showing the catalogue instead.',
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return respond(
      'catalogue',
      groupChatModels(listMixRouterCatalogue()),
      `Could not list the key's models (${reason}); showing the catalogue instead.`,
    );
  }
}
