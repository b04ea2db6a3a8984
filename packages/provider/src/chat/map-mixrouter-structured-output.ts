import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import type { MixRouterStructuredOutput } from '../mixrouter-request-contracts';

function schemaInstruction(schema: unknown, name?: string, description?: string): string {
  return [
    'Respond only with a JSON value, with no prose and no code fences.',
    name ? `It is called "${name}".` : '',
    description ?? '',
    schema !== undefined ? `It must conform to this JSON schema:\n${JSON.stringify(schema)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * `responseFormat: {type: 'json'}` → what the model's contract takes: a `json_schema`
 * response format, JSON mode plus the schema as a system instruction, or the instruction
 * alone. Anything short of `json_schema` with a schema gets a `compatibility` warning.
 */
export function mapMixRouterStructuredOutput({
  responseFormat,
  info,
  mode,
  strict,
  warnings,
}: {
  responseFormat: LanguageModelV4CallOptions['responseFormat'];
  info: MixRouterModelInfo;
  /** The contract's mode, or `prompt` when the model thinks and cannot combine both. */
  mode: MixRouterStructuredOutput;
  strict: boolean;
  warnings: SharedV4Warning[];
}): { responseFormat?: unknown; instruction?: string } {
  if (responseFormat?.type !== 'json') return {};
  const { schema, name, description } = responseFormat;
  if (mode === 'json-schema') {
    if (schema === undefined) return { responseFormat: { type: 'json_object' } };
    return {
      responseFormat: {
        type: 'json_schema',
        json_schema: {
          name: name ?? 'response',
          ...(description !== undefined ? { description } : {}),
          schema,
          strict,
        },
      },
    };
  }
  const instruction = schemaInstruction(schema, name, description);
  if (mode === 'json-object') {
    if (schema !== undefined) {
      warnings.push({
        type: 'compatibility',
        feature: 'responseFormat',
        details: `${info.id} takes JSON mode (json_object) but no JSON schema; the schema was added to the prompt instead.`,
      });
    }
    return { responseFormat: { type: 'json_object' }, instruction };
  }
  warnings.push({
    type: 'compatibility',
    feature: 'responseFormat',
    details: `MixRouter cannot pass response_format to ${info.id} (the gateway ignores it or the upstream rejects it); the JSON ${schema ? 'schema' : 'instruction'} was added to the prompt instead.`,
  });
  return { instruction };
}
