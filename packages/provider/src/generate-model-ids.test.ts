import { describe, expect, it } from 'vitest';
import { groupOf, renderModelIds } from '../scripts/generate-model-ids';

describe('generate-model-ids', () => {
  it('groups models by supported_endpoint_types and by name where the gateway does not tag them', () => {
    expect(groupOf({ id: 'gpt-5.1-codex', supported_endpoint_types: ['openai-response'] })).toEqual(
      ['CHAT'],
    );
    expect(
      groupOf({ id: 'veo-3.1-generate-preview', supported_endpoint_types: ['openai-video'] }),
    ).toEqual(['VIDEO']);
    expect(groupOf({ id: 'text-embedding-3-small', supported_endpoint_types: ['openai'] })).toEqual(
      ['EMBEDDING'],
    );
    expect(groupOf({ id: 'gpt-image-1', supported_endpoint_types: ['image-generation'] })).toEqual([
      'IMAGE',
    ]);
    expect(
      groupOf({ id: 'gemini-2.5-flash-image', supported_endpoint_types: ['openai', 'gemini'] }),
    ).toEqual(['CHAT', 'IMAGE']);
    expect(groupOf({ id: 'qwen3-tts-flash', supported_endpoint_types: ['openai'] })).toEqual([
      'SPEECH',
    ]);
    expect(groupOf({ id: 'whisper-1' })).toEqual(['TRANSCRIPTION']);
    expect(
      groupOf({ id: 'gpt-4o-realtime-preview', supported_endpoint_types: ['openai'] }),
    ).toEqual(['REALTIME']);
    expect(
      groupOf({ id: 'bge-reranker-v2-m3', supported_endpoint_types: ['jina-rerank'] }),
    ).toEqual(['RERANKING']);
  });

  it('renders sorted, de-duplicated unions that accept any other string', () => {
    const source = renderModelIds([
      { id: 'gpt-4o-mini', supported_endpoint_types: ['openai'] },
      { id: 'claude-sonnet-4-5-20250929', supported_endpoint_types: ['anthropic', 'openai'] },
      { id: "o'quote", supported_endpoint_types: ['openai'] },
    ]);
    expect(source).toContain(
      "export const MIXROUTER_CHAT_MODEL_IDS = [\n  'claude-sonnet-4-5-20250929',\n  'gpt-4o-mini',\n  'o\\'quote',\n] as const;",
    );
    expect(source).toContain('export const MIXROUTER_VIDEO_MODEL_IDS = [] as const;');
    expect(source).toContain(
      'export type MixRouterChatModelId = (typeof MIXROUTER_CHAT_MODEL_IDS)[number] | (string & {});',
    );
    for (const name of ['Realtime', 'Reranking']) {
      expect(source).toContain(
        `export type MixRouter${name}ModelId = (typeof MIXROUTER_${name.toUpperCase()}_MODEL_IDS)[number] | (string & {});`,
      );
    }
  });
});
