import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { TEST_PROMPT } from '../test-utils/chat';
import { mapMixRouterNativeOptions } from './map-mixrouter-native-options';

const map = (modelId: string, openai?: Record<string, unknown>) =>
  mapMixRouterNativeOptions({
    route: 'responses',
    info: getMixRouterModelInfo(modelId),
    options: {
      prompt: TEST_PROMPT,
      ...(openai !== undefined ? { providerOptions: { openai: openai as never } } : {}),
    },
  });

describe('mapMixRouterNativeOptions on /responses', () => {
  // issue 12 #10: item_reference only resolves on the upstream account that stored the
  // item, and a gateway spreads calls over channels.
  it.each(['gpt-4.1', 'gpt-4o', 'gpt-5', 'gpt-5.1-codex'])(
    '%s runs stateless by default (store: false, full replay)',
    async (id) => {
      const { callOptions } = await map(id);
      expect(callOptions.providerOptions?.openai).toMatchObject({ store: false });
    },
  );

  it('asks for encrypted reasoning only from reasoning models', async () => {
    expect((await map('gpt-5')).callOptions.providerOptions?.openai).toMatchObject({
      include: ['reasoning.encrypted_content'],
    });
    expect((await map('gpt-4.1')).callOptions.providerOptions?.openai).not.toHaveProperty(
      'include',
    );
  });

  it('lets the user opt back into upstream storage', async () => {
    const { callOptions } = await map('gpt-4.1', { store: true });
    expect(callOptions.providerOptions?.openai).toMatchObject({ store: true });
  });

  it('checks maxOutputTokens as chat completions does', async () => {
    await expect(
      mapMixRouterNativeOptions({
        route: 'responses',
        info: getMixRouterModelInfo('gpt-5'),
        options: { prompt: TEST_PROMPT, maxOutputTokens: 2 ** 30 },
      }),
    ).rejects.toSatisfy(InvalidArgumentError.isInstance);
  });
});
