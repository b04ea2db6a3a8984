import {
  createMixRouter,
  listMixRouterCatalogue,
  type MixRouterModelInfo,
  type MixRouterProvider,
} from '@mixrouter/ai-sdk-provider';
import { type Emulator, startEmulator } from '@mixrouter/emulator';
import { generateText, isStepCount, type ModelMessage, Output, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

// The family matrix (issue 12): every listed language model id of the catalogue, through
// real `ai@7` and the built package, against the strict emulator — which answers a
// request its upstream would reject with that upstream's error. Each case asserts that
// the request was accepted and that nothing was dropped silently: a setting that did not
// reach the wire comes back as a warning.

let emulator: Emulator;
let mixrouter: MixRouterProvider;

beforeAll(async () => {
  emulator = await startEmulator({ strict: true });
  mixrouter = createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
});
afterAll(() => emulator.close());

const MODELS = listMixRouterCatalogue().filter((m) => m.kind === 'chat' && m.listed);

type Warning = { type: string; feature?: string; message?: string; details?: string };

/** Settings given on the call … */
const SETTING_VALUES = {
  temperature: 0.5,
  topP: 0.9,
  topK: 20,
  seed: 7,
  presencePenalty: 0.1,
  frequencyPenalty: 0.1,
  stopSequences: ['<<END>>'],
};
/** … and the chat-completions field that carries each one. */
const FIELDS: Record<keyof typeof SETTING_VALUES, string> = {
  temperature: 'temperature',
  topP: 'top_p',
  topK: 'top_k',
  seed: 'seed',
  presencePenalty: 'presence_penalty',
  frequencyPenalty: 'frequency_penalty',
  stopSequences: 'stop',
};

const asBody = (body: unknown): Record<string, unknown> =>
  (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;

const warned = (warnings: readonly Warning[] | undefined, feature: string) =>
  (warnings ?? []).some(
    (w) =>
      w.feature === feature ||
      (w.feature ?? '').startsWith(feature) ||
      (w.message ?? '').includes(feature),
  );

/** Every setting given either reached the body or was reported. */
function expectNoSilentDrop(body: unknown, warnings: readonly Warning[] | undefined) {
  const sent = asBody(body);
  for (const [setting, field] of Object.entries(FIELDS)) {
    const arrived = field in sent || (field === 'stop' && 'stop_sequences' in sent);
    expect(
      arrived || warned(warnings, setting),
      `${setting}: neither sent as "${field}" nor reported (warnings: ${JSON.stringify(warnings)})`,
    ).toBe(true);
  }
}

const weather = tool({
  description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperatureC: 21 }),
});

const city = z.object({ city: z.string(), population: z.number() });

/** Whether `reasoning: 'none'` switches this model's thinking off. */
const canSwitchOff = (info: MixRouterModelInfo) =>
  info.reasoning.control !== 'none' &&
  info.reasoning.control !== 'always' &&
  info.reasoning.canDisable;

/**
 * Gemini image models answer with image URLs on the gateway (here the emulator on
 * 127.0.0.1, which the AI SDK's default download guard refuses): fetch them directly.
 */
const download = async (files: Array<{ url: URL }>) =>
  Promise.all(
    files.map(async ({ url }) => {
      const response = await fetch(url);
      return {
        data: new Uint8Array(await response.arrayBuffer()),
        mediaType: response.headers.get('content-type') ?? undefined,
      };
    }),
  );

const OFF_KNOB =
  /"enable_thinking":false|"type":"disabled"|"reasoning_effort":"none"|"thinking_budget":0|"effort":"none"/;

describe.concurrent.each(MODELS.map((info) => [info.id, info] as const))('%s', (id, info) => {
  it('generateText with every sampling setting: accepted, nothing dropped silently', async () => {
    const result = await generateText({
      model: mixrouter(id),
      prompt: 'Say hello in one short sentence.',
      maxOutputTokens: 4000,
      ...SETTING_VALUES,
      include: { requestBody: true },
      experimental_download: download,
    });
    expect(result.text.length).toBeGreaterThan(0);
    expectNoSilentDrop(result.request.body, result.warnings as Warning[]);
  });

  it('streamText: accepted and streamed to the end', async () => {
    const errors: unknown[] = [];
    const result = streamText({
      model: mixrouter(id),
      prompt: 'Write one line about the sea.',
      temperature: 0.5,
      stopSequences: ['<<END>>'],
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const text = await result.text;
    expect(errors).toEqual([]);
    expect(await result.finishReason).not.toBe('error');
    expect(text.length).toBeGreaterThan(0);
  });

  it('a tool loop with reasoning on, continued after a follow-up question', async () => {
    const first = await generateText({
      model: mixrouter(id),
      prompt: 'What is the weather in Paris? Use the weather tool.',
      tools: { weather },
      reasoning: 'medium',
      providerOptions: { mixrouter: { parallelToolCalls: false } },
      stopWhen: isStepCount(3),
      experimental_download: download,
      include: { requestBody: true },
    });
    const warnings = first.steps.flatMap((s) => s.warnings as Warning[]);
    const firstBody = JSON.stringify(asBody(first.steps[0]!.request.body));
    const parallelSent = /"parallel_tool_calls"|"disable_parallel_tool_use"/.test(firstBody);
    if (info.tools) expect(parallelSent || warned(warnings, 'parallelToolCalls')).toBe(true);
    if (info.reasoning.control === 'none') expect(warned(warnings, 'reasoning')).toBe(true);
    if (!info.tools) {
      expect(warned(warnings, 'tools')).toBe(true);
      return;
    }
    expect(first.steps[0]!.toolCalls.map((c) => c.toolName)).toEqual(['weather']);
    expect(first.text.length).toBeGreaterThan(0);

    // Step 3 (and 4): a new question replays the whole first turn, tool calls included.
    const messages: ModelMessage[] = [
      { role: 'user', content: 'What is the weather in Paris? Use the weather tool.' },
      ...first.responseMessages,
      { role: 'user', content: 'And the weather in Berlin? Use the weather tool.' },
    ];
    const second = await generateText({
      model: mixrouter(id),
      messages,
      tools: { weather },
      reasoning: 'medium',
      stopWhen: isStepCount(3),
    });
    expect(second.steps[0]!.toolCalls.length).toBe(1);
    expect(second.text.length).toBeGreaterThan(0);
  });

  // Image-output models answer with an image, not JSON.
  it.runIf(!info.output.includes('image'))(
    'Output.object: schema-valid JSON, json_schema or a warning saying what was sent',
    async () => {
      const result = await generateText({
        model: mixrouter(id),
        prompt: 'The largest city in France, as JSON.',
        output: Output.object({ schema: city }),
        include: { requestBody: true },
      });
      expect(city.safeParse(result.output).success).toBe(true);
      const body = JSON.stringify(asBody(result.request.body));
      const nativeSchema = /"json_schema"|"responseSchema"|"response_json_schema"/.test(body);
      expect(nativeSchema || warned(result.warnings as Warning[], 'responseFormat')).toBe(true);
    },
  );

  it.runIf(canSwitchOff(info))("reasoning: 'none' switches thinking off", async () => {
    const result = await generateText({
      model: mixrouter(id),
      prompt: 'Say hi.',
      reasoning: 'none',
      include: { requestBody: true },
    });
    expect(result.text.length).toBeGreaterThan(0);
    const body = JSON.stringify(asBody(result.request.body));
    const off =
      OFF_KNOB.test(body) ||
      (info.reasoning.control === 'anthropic-thinking' && !body.includes('"thinking"'));
    expect(off || warned(result.warnings as Warning[], 'reasoning')).toBe(true);
  });
});

it('covers every listed language model of the catalogue', () => {
  expect(MODELS.length).toBeGreaterThan(80);
});
