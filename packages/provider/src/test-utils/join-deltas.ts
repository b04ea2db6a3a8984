import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';

/**
 * Joins consecutive deltas of the same block. The provider joins deltas that arrived in
 * one read, so how the bytes were split changes how many delta parts there are, never
 * their text: compare streams after this.
 */
export function joinAdjacentDeltas(
  parts: LanguageModelV4StreamPart[],
): LanguageModelV4StreamPart[] {
  const out: LanguageModelV4StreamPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      (part.type === 'text-delta' ||
        part.type === 'reasoning-delta' ||
        part.type === 'tool-input-delta') &&
      last.type === part.type &&
      last.id === part.id &&
      last.providerMetadata === undefined &&
      part.providerMetadata === undefined
    ) {
      out[out.length - 1] = { ...last, delta: last.delta + part.delta };
    } else {
      out.push(part);
    }
  }
  return out;
}
