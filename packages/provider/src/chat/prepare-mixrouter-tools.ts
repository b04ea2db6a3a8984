import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { isJsonRecord as isPlainObject } from '../mixrouter-json-guards';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';

export type MixRouterChatTool = {
  type: 'function';
  function: { name: string; description?: string; parameters: unknown; strict?: boolean };
};

export type MixRouterToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } };

/** Why a function tool's input schema cannot be sent, or undefined when it is fine. */
function inputSchemaProblem(schema: unknown): string | undefined {
  if (!isPlainObject(schema)) {
    return `the input schema must be a JSON Schema object, got ${Array.isArray(schema) ? 'an array' : schema === null ? 'null' : typeof schema}`;
  }
  const { type, properties, required } = schema;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (types.length === 0 || !types.every((t) => typeof t === 'string')) {
      return `"type" must be a string (or an array of strings), got ${JSON.stringify(type)}`;
    }
    // Every upstream (OpenAI, Claude, Gemini) takes function arguments as an object.
    if (!types.includes('object')) {
      return `the top-level "type" must be "object" (tool arguments are an object), got ${JSON.stringify(type)}`;
    }
  }
  if (properties !== undefined) {
    if (!isPlainObject(properties)) return '"properties" must be an object';
    for (const [key, value] of Object.entries(properties)) {
      if (!isPlainObject(value) && typeof value !== 'boolean') {
        return `"properties.${key}" must be a schema object, got ${JSON.stringify(value)}`;
      }
    }
  }
  if (
    required !== undefined &&
    (!Array.isArray(required) || !required.every((r) => typeof r === 'string'))
  ) {
    return '"required" must be an array of property names';
  }
  try {
    JSON.stringify(schema);
  } catch (error) {
    return `it cannot be serialised as JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  return undefined;
}

/**
 * Checks every function tool before a request is made: a non-empty name and an input
 * schema that describes an object (`InvalidArgumentError` otherwise), so a broken
 * definition fails here with the tool's name instead of as a gateway 400 — or not at
 * all, when a gateway conversion silently drops it.
 */
export function validateMixRouterTools(tools: LanguageModelV4CallOptions['tools']): void {
  for (const tool of tools ?? []) {
    if (tool.type !== 'function') continue;
    if (typeof tool.name !== 'string' || tool.name.trim().length === 0) {
      throw new InvalidArgumentError({
        argument: 'tools',
        message: 'Every tool needs a non-empty name.',
      });
    }
    const problem = inputSchemaProblem(tool.inputSchema);
    if (problem !== undefined) {
      throw new InvalidArgumentError({
        argument: 'tools',
        message: `Tool "${tool.name}" has an invalid input schema: ${problem}.`,
      });
    }
  }
}

/**
 * Function tools → OpenAI tool definitions (per-tool `strict` kept when set);
 * provider-defined tools the gateway cannot run → `unsupported` warnings.
 */
export function prepareMixRouterTools({
  tools,
  toolChoice,
  info,
  warnings,
}: {
  tools: LanguageModelV4CallOptions['tools'];
  toolChoice: LanguageModelV4CallOptions['toolChoice'];
  info: MixRouterModelInfo;
  warnings: SharedV4Warning[];
}): { tools?: MixRouterChatTool[]; toolChoice?: MixRouterToolChoice } {
  if (tools === undefined || tools.length === 0) return {};
  validateMixRouterTools(tools);
  if (!info.tools) {
    warnings.push({
      type: 'unsupported',
      feature: 'tools',
      details: `${info.id} does not call tools; the ${tools.length} tool definition(s) were not sent.`,
    });
    return {};
  }
  const out: MixRouterChatTool[] = [];
  for (const tool of tools) {
    if (tool.type === 'provider') {
      warnings.push({
        type: 'unsupported',
        feature: `provider-defined tool ${tool.id}`,
        details: 'MixRouter chat completions cannot run provider-defined tools; it was not sent.',
      });
      continue;
    }
    out.push({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description !== undefined ? { description: tool.description } : {}),
        parameters: tool.inputSchema,
        ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
      },
    });
  }
  if (out.length === 0) return {};
  return mapToolChoice(out, toolChoice, info, warnings);
}

/**
 * The call's tool choice in a form the model's contract takes. `none` where the upstream
 * has no `none` leaves the tools out (so none is called); `required` or a named tool
 * where the upstream cannot force one becomes `auto`, with a warning either way.
 */
function mapToolChoice(
  tools: MixRouterChatTool[],
  toolChoice: LanguageModelV4CallOptions['toolChoice'],
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
): { tools?: MixRouterChatTool[]; toolChoice?: MixRouterToolChoice } {
  if (toolChoice === undefined) return { tools };
  const forms = info.request.toolChoice;
  const form = toolChoice.type;
  if (forms.includes(form)) {
    return {
      tools,
      toolChoice:
        toolChoice.type === 'tool'
          ? { type: 'function', function: { name: toolChoice.toolName } }
          : toolChoice.type,
    };
  }
  if (form === 'none') {
    warnings.push({
      type: 'compatibility',
      feature: 'toolChoice',
      details: `${info.id} does not take tool_choice "none"; the tools were not sent instead.`,
    });
    return {};
  }
  const target = toolChoice.type === 'tool' ? `"${toolChoice.toolName}"` : 'a tool';
  warnings.push({
    type: 'compatibility',
    feature: 'toolChoice',
    details: `${info.id} cannot force a tool call (toolChoice "${form}"); tool_choice "auto" was used, so the model may answer without calling ${target}.`,
  });
  return forms.includes('auto') ? { tools, toolChoice: 'auto' } : { tools };
}
