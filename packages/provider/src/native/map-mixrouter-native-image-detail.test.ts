import type { LanguageModelV4Prompt, SharedV4Warning } from '@ai-sdk/provider';
import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { mapMixRouterNativeImageDetail } from './map-mixrouter-native-image-detail';

const prompt = (mixrouter?: unknown, openai?: unknown): LanguageModelV4Prompt => [
  { role: 'system', content: 'Be brief.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'What is this?' },
      {
        type: 'file',
        mediaType: 'image/png',
        data: { type: 'url', url: new URL('https://example.com/a.png') },
        providerOptions: {
          ...(mixrouter ? { mixrouter } : {}),
          ...(openai ? { openai } : {}),
        } as never,
      },
      {
        type: 'file',
        mediaType: 'application/pdf',
        data: { type: 'url', url: new URL('https://example.com/a.pdf') },
      },
    ],
  },
];

const filePart = (p: LanguageModelV4Prompt, i = 1) =>
  (p[1]!.content as Array<{ providerOptions?: Record<string, unknown> }>)[i]!;

describe('mapMixRouterNativeImageDetail', () => {
  it('responses: call-level imageDetail becomes the image part openai.imageDetail', () => {
    const warnings: SharedV4Warning[] = [];
    const out = mapMixRouterNativeImageDetail({
      route: 'responses',
      prompt: prompt(),
      imageDetail: 'high',
      warnings,
    });
    expect(filePart(out).providerOptions?.openai).toEqual({ imageDetail: 'high' });
    expect(filePart(out, 2).providerOptions).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('responses: the part option wins over the call option, an explicit openai option over both', () => {
    const warnings: SharedV4Warning[] = [];
    const partWins = mapMixRouterNativeImageDetail({
      route: 'responses',
      prompt: prompt({ imageDetail: 'low' }),
      imageDetail: 'high',
      warnings,
    });
    expect(filePart(partWins).providerOptions?.openai).toEqual({ imageDetail: 'low' });
    const openaiWins = mapMixRouterNativeImageDetail({
      route: 'responses',
      prompt: prompt({ imageDetail: 'low' }, { imageDetail: 'auto' }),
      imageDetail: undefined,
      warnings,
    });
    expect(filePart(openaiWins).providerOptions?.openai).toEqual({ imageDetail: 'auto' });
  });

  it.each(['messages', 'gemini'] as const)('%s: warns that imageDetail was not sent', (route) => {
    const warnings: SharedV4Warning[] = [];
    const input = prompt({ imageDetail: 'low' });
    expect(
      mapMixRouterNativeImageDetail({ route, prompt: input, imageDetail: undefined, warnings }),
    ).toEqual(input);
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'imageDetail' }),
    ]);
  });

  it('validates part options on every route', () => {
    for (const route of ['responses', 'messages', 'gemini'] as const) {
      expect(() =>
        mapMixRouterNativeImageDetail({
          route,
          prompt: prompt({ imageDetail: 'ultra' }),
          imageDetail: undefined,
          warnings: [],
        }),
      ).toThrow(InvalidArgumentError);
    }
  });
});
