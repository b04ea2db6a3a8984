import {
  InvalidPromptError,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import {
  convertMixRouterFilePart,
  type MixRouterChatContentPart,
} from './convert-mixrouter-file-part';

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
  return typeof options === 'object' && options !== null ? (options as PartOptions) : {};
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

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts a V4 prompt to chat-completions messages for one model. The catalogue decides
 * how assistant reasoning is replayed (protocol §2.5) and which media the model takes.
 * Media inside tool results (which `role: "tool"` messages cannot carry) follow the tool
 * messages as a user message, so nothing is lost.
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
  const messages: MixRouterChatMessage[] = [];
  let lastUserIndex = -1;
  for (let i = prompt.length - 1; i >= 0; i--) {
    if (prompt[i]!.role === 'user') {
      lastUserIndex = i;
      break;
    }
  }
  const replay = info.reasoning.replay;

  prompt.forEach((message, messageIndex) => {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;

      case 'user': {
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
        messages.push({
          role: 'user',
          content: onlyText ? (parts[0] as { text: string }).text : parts,
        });
        break;
      }

      case 'assistant': {
        let text = '';
        let reasoning = '';
        const images: MixRouterChatContentPart[] = [];
        const toolCalls: NonNullable<
          Extract<MixRouterChatMessage, { role: 'assistant' }>['tool_calls']
        > = [];
        for (const part of message.content) {
          switch (part.type) {
            case 'text':
              text += part.text;
              break;
            case 'reasoning':
              reasoning += part.text;
              break;
            case 'tool-call': {
              const { extraContent } = mixrouterPartOptions(part.providerOptions);
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
              toolCalls.push({
                id: part.toolCallId,
                type: 'function',
                function: { name: part.toolName, arguments: JSON.stringify(input ?? {}) },
                ...(extraContent !== undefined ? { extra_content: extraContent } : {}),
              });
              break;
            }
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

        const sendReasoning =
          (replay === 'always' && reasoning.length > 0) ||
          (replay === 'tool-loop' &&
            messageIndex > lastUserIndex &&
            (reasoning.length > 0 || toolCalls.length > 0));
        let content: string | null | MixRouterChatContentPart[] = text;
        if (replay === 'inline-think' && reasoning.length > 0)
          content = `<think>\n${reasoning}\n</think>\n\n${text}`;
        if (images.length > 0)
          content = [...(text ? [{ type: 'text' as const, text }] : []), ...images];
        else if (content === '' && toolCalls.length > 0) content = null;

        const assistant: Extract<MixRouterChatMessage, { role: 'assistant' }> = {
          role: 'assistant',
          content,
        };
        if (sendReasoning && (reasoning.length > 0 || info.reasoning.replayRequiresField)) {
          assistant.reasoning_content = reasoning;
        }
        if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
        messages.push(assistant);
        break;
      }

      case 'tool': {
        const media: MixRouterChatContentPart[] = [];
        for (const part of message.content) {
          if (part.type === 'tool-approval-response') continue; // consumed by `ai` for client tools
          let content = toolOutputText(part.output);
          if (part.output.type === 'content') {
            for (const item of part.output.value) {
              if (item.type !== 'file') continue;
              media.push(
                convertMixRouterFilePart({
                  part: {
                    type: 'file',
                    data: item.data,
                    mediaType: item.mediaType,
                    filename: item.filename,
                  },
                  info,
                  warnings,
                }),
              );
              content += `${content ? '\n' : ''}[${item.mediaType} attached in the next message]`;
            }
          }
          messages.push({ role: 'tool', tool_call_id: part.toolCallId, content });
        }
        if (media.length > 0) {
          messages.push({
            role: 'user',
            content: [{ type: 'text', text: 'Files returned by the tool calls above:' }, ...media],
          });
        }
        break;
      }
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
