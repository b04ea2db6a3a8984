import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
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
  switch (toolChoice?.type) {
    case undefined:
      return { tools: out };
    case 'auto':
    case 'none':
    case 'required':
      return { tools: out, toolChoice: toolChoice.type };
    case 'tool':
      return {
        tools: out,
        toolChoice: { type: 'function', function: { name: toolChoice.toolName } },
      };
  }
}
