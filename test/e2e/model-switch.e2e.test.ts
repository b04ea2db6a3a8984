import { isMixRouterError } from '@mixrouter/ai-sdk-provider';
import { generateText, isStepCount, type ModelMessage, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useEmulator } from './use-emulator';

// Switching models mid-conversation (issue 12): the history carries the previous family's
// tool-call ids, which the next upstream may refuse (the strict emulator answers with that
// upstream's real 400). Also: MiniMax's errors inside an HTTP 200 must surface as errors.
const env = useEmulator();

const weather = tool({
  description: 'Weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

async function toolTurn(modelId: string): Promise<ModelMessage[]> {
  const messages: ModelMessage[] = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const first = await generateText({
    model: env.mixrouter(modelId),
    messages,
    tools: { weather },
    stopWhen: isStepCount(3),
  });
  const calls = first.steps.flatMap((s) => s.toolCalls);
  expect(calls.length, `${modelId} called the tool`).toBeGreaterThan(0);
  return [...messages, ...first.responseMessages];
}

describe('tool-call ids across families', () => {
  it.each([
    // Gemini ids are 41 characters; OpenAI caps ids at 40.
    ['gemini-2.5-flash', 'gpt-4o'],
    // Kimi ids are `functions.<name>:<n>`; Anthropic takes only [A-Za-z0-9_-].
    ['kimi-k2-0905', 'claude-sonnet-4-5-20250929'],
    ['kimi-k2-0905', 'gpt-4o'],
    ['gemini-2.5-flash', 'claude-sonnet-4-5-20250929'],
  ])('a %s tool turn continues on %s', async (from, to) => {
    const history = await toolTurn(from);
    const ids = history.flatMap((m) =>
      m.role === 'assistant' && Array.isArray(m.content)
        ? m.content.filter((p) => p.type === 'tool-call').map((p) => p.toolCallId)
        : [],
    );
    expect(ids.length).toBeGreaterThan(0);
    const next = await generateText({
      model: env.mixrouter(to),
      messages: [...history, { role: 'user', content: 'And tomorrow?' }],
      tools: { weather },
    });
    expect(next.text.length).toBeGreaterThan(0);
  });
});

describe('tool-call ids across families on a native route', () => {
  it('a kimi-k2-0905 tool turn continues on messages() (Claude, /v1/messages)', async () => {
    const history = await toolTurn('kimi-k2-0905');
    const next = await generateText({
      model: env.mixrouter.messages('claude-sonnet-4-5-20250929'),
      messages: [...history, { role: 'user', content: 'And tomorrow?' }],
      tools: { weather },
    });
    expect(next.text.length).toBeGreaterThan(0);
    const sent = env.emulator.requests.filter((r) => r.path === '/v1/messages').at(-1)!.body as {
      messages: Array<{ content: unknown }>;
    };
    const ids = JSON.stringify(sent.messages).match(/"(?:id|tool_use_id)":"[^"]*"/g) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/:"[a-zA-Z0-9_-]+"$/);
  });
});

describe('MiniMax errors inside an HTTP 200', () => {
  it('generateText rejects with the MiniMax message instead of an empty answer', async () => {
    const error = await generateText({
      model: env.mixrouter('minimax-m2'),
      prompt: 'hi',
      temperature: 0,
      maxRetries: 0,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMixRouterError(error)).toBe(true);
    expect((error as Error).message).toMatch(/MiniMax error 2013: invalid params/);
  });

  it('streamText reports the same error', async () => {
    const errors: unknown[] = [];
    const result = streamText({
      model: env.mixrouter('minimax-m2'),
      prompt: 'hi',
      temperature: 0,
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await result.consumeStream();
    expect(errors.length).toBe(1);
    expect(String((errors[0] as Error).message)).toMatch(/MiniMax error 2013/);
  });
});
