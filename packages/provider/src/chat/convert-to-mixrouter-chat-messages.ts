import {
  InvalidPromptError,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { isJsonRecord as isPlainObject } from '../mixrouter-json-guards';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import {
  convertMixRouterFilePart,
  type MixRouterChatContentPart,
} from './convert-mixrouter-file-part';
import { mapMixRouterToolCallId } from './map-mixrouter-tool-call-id';

export type MixRouterChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | MixRouterChatContentPart[] }
  | {
      role: 'assistant';
      content: string | null | MixRouterChatContentPart[];
      reasoning_content?: string;
      tool_calls?: Array<{
        id: string;
        type: 'function';
        function: { name: string; arguments: string };
        extra_content?: Record<string, unknown>;
      }>;
    }
  | { role: 'tool'; tool_call_id: string; content: string };

type PartOptions = {
  imageDetail?: 'auto' | 'low' | 'high';
  extraContent?: Record<string, unknown>;
};

function mixrouterPartOptions(providerOptions: unknown): PartOptions {
  const options = (providerOptions as Record<string, unknown> | undefined)?.mixrouter;
  return isPlainObject(options) ? (options as PartOptions) : {};
}

function toolOutputText(output: LanguageModelV4ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return output.reason ?? 'Tool execution was denied by the user.';
    case 'content':
      return output.value
        .filter((item): item is { type: 'text'; text: string } => item.type === 'text')
        .map((item) => item.text)
        .join('\n');
  }
}

type AssistantMessage = Extract<MixRouterChatMessage, { role: 'assistant' }>;
type ToolCall = NonNullable<AssistantMessage['tool_calls']>[number];
type PromptMessage = LanguageModelV4Prompt[number];

function hasToolCall(message: PromptMessage): boolean {
  return message.role === 'assistant' && message.content.some((p) => p.type === 'tool-call');
}

/**
 * Which assistant messages carry `reasoning_content` (protocol §2.5; the rules are the
 * catalogue's `MixRouterReasoningReplay`), and whether it is sent even when empty.
 */
function reasoningReplayPlan(
  prompt: LanguageModelV4Prompt,
  info: MixRouterModelInfo,
): { carries: (index: number, reasoning: string) => boolean } {
  const replay = info.reasoning.replay;
  let lastUser = -1;
  for (let i = prompt.length - 1; i >= 0 && lastUser < 0; i--) {
    if (prompt[i]!.role === 'user') lastUser = i;
  }
  if (replay === 'always') return { carries: (_, reasoning) => reasoning.length > 0 };
  if (replay === 'tool-loop') {
    return { carries: (index, reasoning) => index > lastUser && reasoning.length > 0 };
  }
  if (replay !== 'tool-turns') return { carries: () => false };
  // DeepSeek V4: every assistant message of a turn (user message to user message) that
  // made tool calls carries the field, in every later request — empty if need be.
  const inToolTurn = new Set<number>();
  let turnStart = 0;
  const closeTurn = (end: number) => {
    if (!prompt.slice(turnStart, end).some(hasToolCall)) return;
    for (let i = turnStart; i < end; i++) inToolTurn.add(i);
  };
  prompt.forEach((message, index) => {
    if (message.role !== 'user') return;
    closeTurn(index);
    turnStart = index;
  });
  closeTurn(prompt.length);
  return { carries: (index) => inToolTurn.has(index) };
}

function convertUserMessage(
  message: Extract<PromptMessage, { role: 'user' }>,
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
  defaultImageDetail: PartOptions['imageDetail'],
): MixRouterChatMessage {
  const parts: MixRouterChatContentPart[] = [];
  for (const part of message.content) {
    if (part.type === 'text') parts.push({ type: 'text', text: part.text });
    else {
      const imageDetail =
        mixrouterPartOptions(part.providerOptions).imageDetail ?? defaultImageDetail;
      parts.push(convertMixRouterFilePart({ part, info, imageDetail, warnings }));
    }
  }
  const onlyText = parts.length === 1 && parts[0]!.type === 'text';
  return { role: 'user', content: onlyText ? (parts[0] as { text: string }).text : parts };
}

function convertToolCall(
  part: Extract<
    Extract<PromptMessage, { role: 'assistant' }>['content'][number],
    { type: 'tool-call' }
  >,
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
): ToolCall {
  let input = part.input;
  if (info.family === 'anthropic' && !isPlainObject(input)) {
    // The gateway's Claude conversion silently drops calls whose arguments are not an object.
    warnings.push({
      type: 'compatibility',
      feature: 'tool-call input',
      details: `Tool call ${part.toolCallId} had non-object input; Claude needs an object, so it was wrapped as {"value": …}.`,
    });
    input = { value: input };
  }
  // Provider metadata (Gemini thought signatures) only means something to its own family.
  const { extraContent } = mixrouterPartOptions(part.providerOptions);
  return {
    id: mapMixRouterToolCallId(part.toolCallId, info.request.toolCallIds),
    type: 'function',
    function: { name: part.toolName, arguments: JSON.stringify(input ?? {}) },
    ...(extraContent !== undefined && info.request.replayExtraContent
      ? { extra_content: extraContent }
      : {}),
  };
}

function convertAssistantMessage(
  message: Extract<PromptMessage, { role: 'assistant' }>,
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
  carriesReasoning: (reasoning: string) => boolean,
): AssistantMessage {
  let text = '';
  let reasoning = '';
  const images: MixRouterChatContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        text += part.text;
        break;
      case 'reasoning':
        reasoning += part.text;
        break;
      case 'tool-call':
        toolCalls.push(convertToolCall(part, info, warnings));
        break;
      case 'file':
        if (info.family === 'google' && part.mediaType.startsWith('image')) {
          // Replaying a generated image: the Gemini conversion re-inlines image parts.
          images.push(convertMixRouterFilePart({ part, info, warnings }));
        } else {
          warnings.push({
            type: 'unsupported',
            feature: 'assistant file parts',
            details: `${info.id} cannot take files in assistant messages; a ${part.mediaType} file was left out of the history.`,
          });
        }
        break;
      case 'reasoning-file':
      case 'custom':
      case 'tool-result':
        warnings.push({
          type: 'unsupported',
          feature: `assistant ${part.type} parts`,
          details: `Chat completions cannot carry assistant ${part.type} parts; one was left out of the history.`,
        });
        break;
    }
  }

  let content: AssistantMessage['content'] = text;
  if (info.reasoning.replay === 'inline-think' && reasoning.length > 0)
    content = `<think>\n${reasoning}\n</think>\n\n${text}`;
  if (images.length > 0) content = [...(text ? [{ type: 'text' as const, text }] : []), ...images];
  else if (content === '' && toolCalls.length > 0) content = null;

  const assistant: AssistantMessage = { role: 'assistant', content };
  if (carriesReasoning(reasoning)) assistant.reasoning_content = reasoning;
  if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
  return assistant;
}

/** Tool results; media inside them follow as one user message (tool messages carry text only). */
function convertToolMessage(
  message: Extract<PromptMessage, { role: 'tool' }>,
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
): MixRouterChatMessage[] {
  const out: MixRouterChatMessage[] = [];
  const media: MixRouterChatContentPart[] = [];
  for (const part of message.content) {
    if (part.type === 'tool-approval-response') continue; // consumed by `ai` for client tools
    let content = toolOutputText(part.output);
    if (part.output.type === 'content') {
      for (const item of part.output.value) {
        if (item.type !== 'file') continue;
        const file = { type: 'file' as const, data: item.data, mediaType: item.mediaType };
        media.push(
          convertMixRouterFilePart({
            part: { ...file, filename: item.filename },
            info,
            warnings,
          }),
        );
        content += `${content ? '\n' : ''}[${item.mediaType} attached in the next message]`;
      }
    }
    out.push({
      role: 'tool',
      tool_call_id: mapMixRouterToolCallId(part.toolCallId, info.request.toolCallIds),
      content,
    });
  }
  if (media.length > 0) {
    out.push({
      role: 'user',
      content: [{ type: 'text', text: 'Files returned by the tool calls above:' }, ...media],
    });
  }
  return out;
}

/**
 * Converts a V4 prompt to chat-completions messages for one model. The catalogue decides
 * how assistant reasoning is replayed (protocol §2.5), which provider metadata goes back
 * and which media the model takes.
 */
export function convertToMixRouterChatMessages({
  prompt,
  info,
  warnings,
  defaultImageDetail,
}: {
  prompt: LanguageModelV4Prompt;
  info: MixRouterModelInfo;
  warnings: SharedV4Warning[];
  /** `providerOptions.mixrouter.imageDetail` of the call; a part's own option wins. */
  defaultImageDetail?: 'auto' | 'low' | 'high';
}): MixRouterChatMessage[] {
  const replay = reasoningReplayPlan(prompt, info);
  const messages: MixRouterChatMessage[] = [];
  prompt.forEach((message, index) => {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;
      case 'user':
        messages.push(convertUserMessage(message, info, warnings, defaultImageDetail));
        break;
      case 'assistant':
        messages.push(
          convertAssistantMessage(message, info, warnings, (reasoning) =>
            replay.carries(index, reasoning),
          ),
        );
        break;
      case 'tool':
        messages.push(...convertToolMessage(message, info, warnings));
        break;
    }
  });

  if (!messages.some((m) => m.role === 'user' || m.role === 'system')) {
    throw new InvalidPromptError({
      prompt,
      message: `The prompt for ${info.id} has no system or user message; MixRouter needs at least one.`,
    });
  }
  return messages;
}
