/**
 * The deterministic "brain" shared by every text route (chat completions, Responses,
 * Anthropic Messages, Gemini native). Each route normalises its request into a
 * `Conversation`; `scriptReply` decides reasoning, text and tool calls from it.
 */
import { findSchemaInText, type SampleHints, sampleFromSchema } from './json-schema-sample.ts';
import { isObject, tokenCount } from './json-util.ts';
import {
  answerFromToolResults,
  answerQuestion,
  reasoningForToolCalls,
} from './scripted-answers.ts';

export interface ToolSpec {
  name: string;
  description?: string;
  parameters?: unknown;
}

export interface ToolResult {
  callId: string;
  name?: string;
  content: string;
}

export type ToolChoice = { type: 'auto' | 'none' | 'required' } | { type: 'tool'; name: string };

export type OutputFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; schema: unknown };

export interface Conversation {
  model: string;
  systemText: string;
  /** Text of the last user message ('' when the conversation ends with tool results). */
  lastUserText: string;
  /** Text of the last user message, also when tool results follow it (what they answer). */
  question?: string;
  /** Tool results at the end of the conversation (the model must answer with text). */
  toolResults: ToolResult[];
  tools: ToolSpec[];
  toolChoice: ToolChoice;
  parallelToolCalls: boolean;
  /** Non-text parts of the last user message by kind: image_url, audio_url, video_url, input_audio, file. */
  attachments: Record<string, number>;
  format: OutputFormat;
  /** When true and format is text, a JSON schema found in the prompt text is obeyed. */
  schemaFromPrompt: boolean;
  reasoning: boolean;
  maxOutputTokens?: number;
}

export interface PlannedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface ScriptedReply {
  reasoning?: string;
  text: string;
  toolCalls: PlannedToolCall[];
  finish: 'stop' | 'tool_calls' | 'length';
}

export function newConversation(model: string): Conversation {
  return {
    model,
    systemText: '',
    lastUserText: '',
    toolResults: [],
    tools: [],
    toolChoice: { type: 'auto' },
    parallelToolCalls: true,
    attachments: {},
    format: { type: 'text' },
    schemaFromPrompt: false,
    reasoning: false,
  };
}

const STOP_WORDS = new Set(
  (
    'A An And Are As At Be Both But By Call Can Could Do Does For From Get Give Hello Hi How I If In Is It ' +
    'Let Me My Now Of On Or Please Reply Return Say Show So Tell Thank Thanks The Then There This To Use ' +
    'Using Was We What When Where Which Who Why Will With Would You Your JSON Answer Respond Parallel ' +
    'Celsius Fahrenheit Weather Calculate Compute Find Look Check Also Make Create Generate Write Draw ' +
    'Describe Explain List Name Summarize Summarise Translate Provide Book Send Search Convert Add Plan ' +
    'Recommend Suggest Compare Invent Imagine Pick Choose Fetch Run Set Read Open Whose Hey Ok Okay Yes ' +
    'No Sure Based Here Today Tomorrow Now'
  ).split(' '),
);

/** Prompt-derived values used to fill tool arguments and JSON answers. */
export function extractHints(text: string, snippet: string): Omit<SampleHints, 'variant' | 'mode'> {
  const words: string[] = [];
  for (const m of text.matchAll(/\b[A-Z][\p{L}]+(?:[ -][A-Z][\p{L}]+)?/gu)) {
    const parts = m[0].split(/[ -]/).filter((w) => !STOP_WORDS.has(w));
    const word = parts.join(' ');
    if (word && !words.includes(word)) words.push(word);
  }
  const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const expression = text.match(/\d+(?:\.\d+)?(?:\s*[-+*/x×^]\s*\d+(?:\.\d+)?)+/)?.[0];
  return { words, numbers, expression, snippet, text };
}

const GENERIC_TOOL_REQUEST =
  /\buse (the|a|your|any) tools?\b|\bcall (the|a) tool\b|weather|calculat/i;
const PARALLEL = /parallel|\bboth\b|all (the |of the )?tools|each of/i;

function mentions(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const n = name.toLowerCase();
  return lower.includes(n) || lower.includes(n.replace(/[_-]+/g, ' '));
}

function pickTools(conv: Conversation, text: string): ToolSpec[] {
  const { tools, toolChoice } = conv;
  if (tools.length === 0 || toolChoice.type === 'none') return [];
  if (toolChoice.type === 'tool') {
    const named = tools.find((t) => t.name === toolChoice.name);
    return named ? [named] : [];
  }
  const mentioned = tools.filter((t) => mentions(text, t.name));
  if (mentioned.length > 0) return mentioned;
  const generic = GENERIC_TOOL_REQUEST.test(text);
  if (!generic && toolChoice.type !== 'required') return [];
  if (PARALLEL.test(text) && tools.length > 1) return tools.slice(0, 4);
  const byKeyword =
    (/weather/i.test(text) && tools.find((t) => /weather/i.test(t.name))) ||
    (/calculat/i.test(text) && tools.find((t) => /calc|math/i.test(t.name)));
  return [byKeyword || tools[0]];
}

function planToolCalls(conv: Conversation): PlannedToolCall[] {
  const text = conv.lastUserText;
  const chosen = pickTools(conv, text);
  if (chosen.length === 0) return [];
  const base = extractHints(text, text.slice(0, 60));
  const calls: PlannedToolCall[] = [];
  if (chosen.length === 1 && PARALLEL.test(text) && base.words.length > 1) {
    // One tool, several subjects ("weather in Paris and Berlin, in parallel"): one call each.
    base.words.slice(0, 3).forEach((_, variant) => {
      calls.push(makeCall(chosen[0], { ...base, variant, mode: 'tool' }));
    });
  } else {
    for (const tool of chosen) calls.push(makeCall(tool, { ...base, variant: 0, mode: 'tool' }));
  }
  return conv.parallelToolCalls ? calls : calls.slice(0, 1);
}

function makeCall(tool: ToolSpec, hints: SampleHints): PlannedToolCall {
  const schema = isObject(tool.parameters) ? tool.parameters : { type: 'object', properties: {} };
  const args = sampleFromSchema(schema, hints);
  return { name: tool.name, arguments: isObject(args) ? args : {} };
}

function jsonAnswer(schema: unknown, seedText: string): string {
  const hints: SampleHints = {
    ...extractHints(seedText, seedText.slice(0, 60)),
    variant: 0,
    mode: 'json',
  };
  return JSON.stringify(sampleFromSchema(schema, hints));
}

function answerText(conv: Conversation, plain: string, seedText: string): string {
  const { format } = conv;
  if (format.type === 'json_schema') return jsonAnswer(format.schema, seedText);
  if (format.type === 'json_object') {
    // JSON mode without a schema field: like a real model, follow a schema given in the
    // prompt (DeepSeek, DashScope, Kimi and GLM callers put it there).
    const schema = findSchemaInText(`${conv.systemText}\n${conv.lastUserText}`);
    return schema ? jsonAnswer(schema, seedText) : JSON.stringify({ answer: plain });
  }
  if (conv.schemaFromPrompt && /json/i.test(`${conv.systemText} ${conv.lastUserText}`)) {
    const schema = findSchemaInText(`${conv.systemText}\n${conv.lastUserText}`);
    if (schema) return jsonAnswer(schema, seedText);
  }
  return plain;
}

const LONG_REQUEST = /\blong (?:answer|reply|story|essay|explanation)\b/i;
const LONG_PARAGRAPHS = 12;

/** "long answer" in the prompt: twelve numbered paragraphs (~700 words), for stop/abort tests. */
function longAnswer(conv: Conversation, snippet: string): string {
  const paragraphs: string[] = [];
  for (let i = 1; i <= LONG_PARAGRAPHS; i++) {
    paragraphs.push(
      `${i}. Emulated ${conv.model} long answer, part ${i} of ${LONG_PARAGRAPHS}, about: ${snippet}. ` +
        'Each part repeats the same deterministic filler so that tests can count what arrived ' +
        'before a stream was stopped, and a person can watch the text grow in a user interface ' +
        'while the emulator paces the chunks.',
    );
  }
  return `${paragraphs.join('\n\n')}\n\nEnd of the long answer.`;
}

export function scriptReply(conv: Conversation): ScriptedReply {
  const snippet = conv.lastUserText.slice(0, 60);

  if (conv.toolResults.length > 0) {
    const joined = conv.toolResults.map((r) => r.content).join('; ');
    const answer = answerFromToolResults(conv.toolResults, conv.question ?? conv.lastUserText);
    return {
      reasoning: conv.reasoning ? answer.reasoning : undefined,
      text: answerText(conv, answer.text, joined),
      toolCalls: [],
      finish: 'stop',
    };
  }

  const toolCalls = planToolCalls(conv);
  if (toolCalls.length > 0) {
    return {
      reasoning: conv.reasoning ? reasoningForToolCalls(conv.lastUserText, toolCalls) : undefined,
      text: '',
      toolCalls,
      finish: 'tool_calls',
    };
  }

  const long = LONG_REQUEST.test(conv.lastUserText);
  const answer = long
    ? {
        text: longAnswer(conv, snippet),
        reasoning: 'A long answer was asked for: twelve numbered parts, then a closing line.',
      }
    : answerQuestion(conv.lastUserText, conv.model, conv.attachments);
  let text = answerText(conv, answer.text, conv.lastUserText);
  let finish: ScriptedReply['finish'] = 'stop';
  if (conv.maxOutputTokens !== undefined && conv.maxOutputTokens > 0) {
    if (tokenCount(text) > conv.maxOutputTokens) {
      text = text.slice(0, conv.maxOutputTokens * 4);
      finish = 'length';
    }
  }
  return {
    reasoning: conv.reasoning ? answer.reasoning : undefined,
    text,
    toolCalls: [],
    finish,
  };
}

/** Output tokens of a reply (text + reasoning + tool calls). */
export function replyTokens(reply: ScriptedReply): { output: number; reasoning: number } {
  const reasoning = tokenCount(reply.reasoning ?? '');
  const tools = reply.toolCalls.reduce(
    (sum, c) => sum + tokenCount(c.name + JSON.stringify(c.arguments)),
    0,
  );
  return { output: tokenCount(reply.text) + reasoning + tools, reasoning };
}
