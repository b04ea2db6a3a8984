/** Streaming (`stream: true`) chat completions: SSE chunks per protocol §3.3–§3.7. */
import type { ChatPlan } from './chat-completions.ts';
import type { Ctx } from './context.ts';
import { errorBody } from './errors.ts';
import { type JsonObject, splitEven, splitText } from './json-util.ts';
import { SseWriter } from './sse.ts';

const STREAM_FAULTS = ['stream-drop', 'stream-error', 'stream-raw-error', 'stream-truncate'];

/** Builds every chunk before the usage chunk; `contentful` counts those before the finish chunk(s). */
function buildChunks(
  plan: ChatPlan,
  faults: ReadonlySet<string>,
): { chunks: JsonObject[]; contentful: number } {
  const { reply, family } = plan;
  const isGoogle = family === 'google';
  const chunk = (delta: JsonObject, finish: string | null = null): JsonObject => ({
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    system_fingerprint: family === 'openai' ? 'fp_emulator' : null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    usage: null,
  });
  const chunks: JsonObject[] = [];
  chunks.push(
    chunk(
      family === 'openai'
        ? { role: 'assistant', content: '', refusal: null }
        : { role: 'assistant', content: '' },
    ),
  );

  if (reply.reasoning) {
    const parts = splitText(reply.reasoning);
    if (plan.thinkTags) {
      chunks.push(chunk({ content: '<think>\n' }));
      for (const p of parts) chunks.push(chunk({ content: p }));
      chunks.push(chunk({ content: '\n</think>\n' }));
    } else {
      for (const p of parts) chunks.push(chunk({ [plan.reasoningKey]: p }));
      // Claude's signature_delta becomes a bare newline of reasoning (protocol §4.1).
      if (family === 'anthropic') chunks.push(chunk({ reasoning_content: '\n' }));
    }
  }

  if (plan.image) {
    chunks.push(chunk({ content: reply.text }));
    chunks.push(chunk({ content: `\n![image](data:image/png;base64,${plan.image.b64})` }));
  } else if (plan.audio) {
    const { id, data, expiresAt } = plan.audio;
    for (const p of splitText(plan.audio.transcript))
      chunks.push(chunk({ audio: { id, transcript: p } }));
    chunks.push(chunk({ audio: { id, data } }));
    chunks.push(chunk({ audio: { id, expires_at: expiresAt } }));
  } else {
    for (const p of splitText(reply.text)) chunks.push(chunk({ content: p }));
  }

  reply.toolCalls.forEach((call, i) => {
    const id = plan.toolCallIds[i];
    const args = JSON.stringify(call.arguments);
    if (isGoogle) {
      // Gemini conversion sends each call whole, in one chunk.
      chunks.push(
        chunk({
          tool_calls: [
            { index: i, id, type: 'function', function: { name: call.name, arguments: args } },
          ],
        }),
      );
      return;
    }
    // Claude conversion uses content-block indexes (start at 1); older gateway builds
    // reported every parallel call at index 0.
    const index = family === 'anthropic' ? (faults.has('stream-same-index') ? 0 : i + 1) : i;
    chunks.push(
      chunk({
        tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const fragment of splitEven(args, 3)) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }));
    }
  });

  const contentful = chunks.length;
  if (isGoogle) {
    // The last Gemini chunk already carries finish_reason; the gateway adds an empty one too.
    const last = chunks[chunks.length - 1];
    const choice = (last.choices as JsonObject[])[0];
    if (chunks.length > 1) choice.finish_reason = reply.finish;
    chunks.push(chunk({}, reply.finish));
    return { chunks, contentful: Math.max(1, contentful - 1) };
  }
  chunks.push(chunk({}, reply.finish));
  return { chunks, contentful };
}

export async function streamChatCompletion(ctx: Ctx, plan: ChatPlan): Promise<void> {
  const sse = new SseWriter(ctx);
  const built = buildChunks(plan, ctx.faults);
  let { chunks } = built;
  const { contentful } = built;
  if (ctx.faults.has('stream-length-mid-tool')) chunks = cutInFirstToolCall(chunks);
  const usageChunk = {
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    system_fingerprint: plan.family === 'openai' ? 'fp_emulator' : null,
    choices: [],
    usage: plan.usage,
  };
  const finishStream = async (): Promise<void> => {
    if (plan.includeUsage) await sse.data(usageChunk);
    await sse.data('[DONE]');
    sse.end();
  };

  sse.start();
  if (ctx.faults.has('stream-azure-first-chunk')) {
    // Azure OpenAI opens with the prompt filter results: empty id/model, created 0.
    await sse.data({
      choices: [],
      created: 0,
      id: '',
      model: '',
      object: '',
      prompt_filter_results: [
        {
          prompt_index: 0,
          content_filter_results: { hate: { filtered: false, severity: 'safe' } },
        },
      ],
    });
  }
  const fault = STREAM_FAULTS.find((f) => ctx.faults.has(f));
  if (!fault) {
    for (const c of chunks) await sse.data(c);
    return finishStream();
  }

  const cut = Math.min(3, contentful);
  for (const c of chunks.slice(0, cut)) await sse.data(c);
  switch (fault) {
    case 'stream-drop':
      sse.drop();
      return;
    case 'stream-error':
      await sse.data({
        error: { message: 'upstream overloaded', type: 'upstream_error', code: 'overloaded' },
      });
      return finishStream();
    case 'stream-raw-error': {
      const error = errorBody(ctx, {
        message: 'upstream stream aborted: upstream overloaded',
        type: 'new_api_error',
        code: 'bad_response_body',
      });
      await sse.raw(`${JSON.stringify(error)}\n`);
      sse.end();
      return;
    }
    default:
      // stream-truncate: the gateway still closes with usage + [DONE], but no finish_reason.
      return finishStream();
  }
}

/**
 * `stream-length-mid-tool`: the upstream hit `max_tokens` while writing the first tool
 * call's arguments — the chunks end after its first argument fragment, then a finish
 * chunk with `finish_reason: "length"`.
 */
function cutInFirstToolCall(chunks: JsonObject[]): JsonObject[] {
  const at = chunks.findIndex((c) => {
    const call = (
      ((c.choices as JsonObject[])[0]?.delta as JsonObject)?.tool_calls as JsonObject[] | undefined
    )?.[0];
    const args = (call?.function as JsonObject | undefined)?.arguments;
    return typeof args === 'string' && args.length > 0 && call?.id === undefined;
  });
  if (at === -1) return chunks;
  const last = chunks[at]!;
  const finish = {
    ...last,
    choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'length' }],
  };
  return [...chunks.slice(0, at + 1), finish];
}
