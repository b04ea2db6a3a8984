import { getMixRouterModelInfo, listMixRouterCatalogue } from '@mixrouter/ai-sdk-provider';
import { describe, expect, it } from 'vitest';
import { groupChatModels, modelCapabilities } from './web-chat-models';

describe('groupChatModels', () => {
  const groups = groupChatModels(listMixRouterCatalogue());

  it('keeps chat models only, grouped by family and sorted', () => {
    const families = groups.map((g) => g.family);
    expect(families).toEqual([...families].sort());
    for (const group of groups) {
      expect(group.models.length).toBeGreaterThan(0);
      for (const model of group.models) {
        expect(model.family).toBe(group.family);
        expect(getMixRouterModelInfo(model.id).kind).toBe('chat');
      }
    }
    const ids = groups.flatMap((g) => g.models.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
    const nonChat = listMixRouterCatalogue().filter((info) => info.kind !== 'chat');
    expect(nonChat.length).toBeGreaterThan(0);
    for (const info of nonChat) expect(ids).not.toContain(info.id);
  });

  it('drops duplicate ids from a live list', () => {
    const info = getMixRouterModelInfo('gpt-4o');
    expect(groupChatModels([info, info])).toEqual([
      { family: 'openai', models: [expect.objectContaining({ id: 'gpt-4o' })] },
    ]);
  });

  it('marks unlisted models as inferred', () => {
    const [group] = groupChatModels([getMixRouterModelInfo('gpt-9-preview-emu')]);
    expect(group.models[0].listed).toBe(false);
  });
});

describe('modelCapabilities', () => {
  const of = (id: string) => modelCapabilities(getMixRouterModelInfo(id));

  it('reads what a model accepts from the catalogue', () => {
    expect(of('gpt-4o')).toMatchObject({ images: true, pdf: true, audio: false, tools: true });
    expect(of('gpt-4o-audio-preview')).toMatchObject({ images: false, audio: true });
    expect(of('gemini-2.5-pro')).toMatchObject({
      images: true,
      pdf: true,
      audio: true,
      video: true,
    });
  });

  it('marks reasoning and image output', () => {
    expect(of('deepseek-reasoner')).toMatchObject({ reasoning: true, images: false });
    expect(of('gpt-4o').reasoning).toBe(false);
    expect(of('gemini-2.5-flash-image')).toMatchObject({ imageOutput: true, images: true });
    expect(of('gpt-4o').imageOutput).toBe(false);
  });
});
