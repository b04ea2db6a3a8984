import type { JSONObject, RerankingModelV4CallOptions } from '@ai-sdk/provider';

/**
 * The `documents` array for `POST /rerank`. Text documents go as strings. Object
 * documents go as their JSON text: new-api types `documents` as `[]any` and hands it to
 * the upstream as it came (dto/rerank.go, the Ali/Jina/Xinference adaptors), but most
 * rerank upstreams behind it (Cohere v2, DashScope gte-rerank, Xinference, SiliconFlow)
 * accept only strings, and the gateway's own token estimate formats objects with Go's
 * `%v` (`map[k:v]`). A JSON string is accepted by every upstream, keeps every field and is
 * what the model actually reads.
 */
export function toMixRouterRerankDocuments(
  documents: RerankingModelV4CallOptions['documents'],
): string[] {
  return documents.type === 'text'
    ? documents.values
    : documents.values.map((value: JSONObject) => JSON.stringify(value));
}

export type MixRouterRerankResult = { index: unknown; relevance_score: unknown };

/**
 * Checks the gateway's `results` against the documents sent and orders them by
 * descending score (the V4 contract; upstreams usually sort, but the gateway does not
 * promise it). An index that is not an integer, out of range or repeated, or a score
 * that is not a finite number, is an error naming the model and the entry: a wrong
 * index would silently attach a score to the wrong document.
 */
export function mapMixRouterRanking({
  results,
  documentCount,
  modelId,
}: {
  results: MixRouterRerankResult[];
  documentCount: number;
  modelId: string;
}): { ranking: Array<{ index: number; relevanceScore: number }> } | { error: string } {
  const seen = new Set<number>();
  const ranking: Array<{ index: number; relevanceScore: number }> = [];
  for (const [position, result] of results.entries()) {
    const { index, relevance_score: score } = result;
    const where = `MixRouter rerank result ${position} (model ${modelId})`;
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      return { error: `${where} has no integer index (got ${JSON.stringify(index)}).` };
    }
    if (index < 0 || index >= documentCount) {
      return {
        error: `${where} has index ${index}, outside the ${documentCount} documents sent.`,
      };
    }
    if (seen.has(index)) return { error: `${where} repeats document index ${index}.` };
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      return { error: `${where} has no numeric relevance_score (got ${JSON.stringify(score)}).` };
    }
    seen.add(index);
    ranking.push({ index, relevanceScore: score });
  }
  // Array.prototype.sort is stable: equal scores keep the gateway's order.
  ranking.sort((a, b) => b.relevanceScore - a.relevanceScore);
  return { ranking };
}
