import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import type { MixRouterCallSetting } from '../mixrouter-request-contracts';

const FIELDS: ReadonlyArray<readonly [MixRouterCallSetting, string]> = [
  ['temperature', 'temperature'],
  ['topP', 'top_p'],
  ['topK', 'top_k'],
  ['stopSequences', 'stop'],
  ['seed', 'seed'],
  ['presencePenalty', 'presence_penalty'],
  ['frequencyPenalty', 'frequency_penalty'],
];

/**
 * Sampling, penalty and stop settings → body fields, as the model's request contract
 * allows: what the upstream rejects or the gateway drops is not sent and gets an
 * `unsupported` warning; a capped list is cut with a `compatibility` warning.
 */
export function mapMixRouterCallSettings({
  call,
  info,
  thinking,
  warnings,
}: {
  call: LanguageModelV4CallOptions;
  info: MixRouterModelInfo;
  /** Whether the model thinks on this request (some settings are refused then). */
  thinking: boolean;
  warnings: SharedV4Warning[];
}): Record<string, unknown> {
  const contract = info.request;
  const body: Record<string, unknown> = {};
  for (const [setting, field] of FIELDS) {
    const value = call[setting];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (contract.unsupported.includes(setting)) {
      warnings.push({
        type: 'unsupported',
        feature: setting,
        details: `${info.id} does not accept ${setting}; it was not sent.`,
      });
    } else if (thinking && contract.unsupportedWhileThinking.includes(setting)) {
      warnings.push({
        type: 'unsupported',
        feature: setting,
        details: `${info.id} does not accept ${setting} while it thinks; it was not sent.`,
      });
    } else {
      body[field] = value;
    }
  }
  if (
    contract.exclusiveTemperatureTopP &&
    body.temperature !== undefined &&
    body.top_p !== undefined
  ) {
    warnings.push({
      type: 'unsupported',
      feature: 'topP',
      details: `${info.id} takes temperature or topP, not both; topP was not sent.`,
    });
    delete body.top_p;
  }
  const stop = body.stop as string[] | undefined;
  const maxStops = contract.maxStopSequences;
  if (stop !== undefined && maxStops !== undefined && stop.length > maxStops) {
    warnings.push({
      type: 'compatibility',
      feature: 'stopSequences',
      details: `${info.id} takes at most ${maxStops} stop sequence(s); the other ${stop.length - maxStops} were not sent.`,
    });
    body.stop = stop.slice(0, maxStops);
  }
  return body;
}
