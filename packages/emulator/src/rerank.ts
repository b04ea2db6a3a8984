/**
 * POST /v1/rerank (protocol §13). The gateway validates `query` and `documents`
 * (new-api: relay/helper/valid_request.go `GetAndValidateRerankRequest`, errors with
 * code `invalid_request` and no status set → 500), relays to a Jina-style upstream and
 * re-serialises its answer (relay/common_handler/rerank.go) with new-api's usage object.
 */
import { type Ctx, sendJson } from './context.ts';
import {
  requireJsonBody,
  sendInvalidRequest,
  sendMissingModel,
  sendModelNotFound,
  sendUpstreamError,
} from './errors.ts';
import { asString, isObject, tokenCount } from './json-util.ts';
import { isKnownModel, modelKind } from './known-models.ts';
import { newApiUsage } from './usage.ts';

/** Jina's rerank takes a string or `{text}` per document (Jina Reranker API reference). */
function documentText(document: unknown): string | undefined {
  if (typeof document === 'string') return document;
  if (isObject(document) && typeof document.text === 'string') return document.text;
  return undefined;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** A deterministic relevance in (0, 1): the share of query words the document contains. */
export function relevance(query: string, document: string): number {
  const q = words(query);
  if (q.size === 0) return 0.01;
  const d = words(document);
  let hits = 0;
  for (const word of q) if (d.has(word)) hits++;
  return Math.round((0.01 + 0.98 * (hits / q.size)) * 1e4) / 1e4;
}

export async function handleRerank(ctx: Ctx): Promise<void> {
  const body = requireJsonBody(ctx);
  if (!body) return;
  const model = asString(body.model);
  if (!model) return sendMissingModel(ctx);
  if (!isKnownModel(model) || modelKind(model) !== 'rerank') return sendModelNotFound(ctx, model);
  const query = asString(body.query);
  if (!query) return sendInvalidRequest(ctx, 'query is empty');
  const documents = Array.isArray(body.documents) ? body.documents : [];
  if (documents.length === 0) return sendInvalidRequest(ctx, 'documents is empty');

  const texts: string[] = [];
  for (const [index, document] of documents.entries()) {
    const text = documentText(document);
    if (text === undefined) {
      return sendUpstreamError(
        ctx,
        422,
        `documents.${index}: Input should be a valid string or an object with a 'text' field`,
        'upstream_error',
      );
    }
    texts.push(text);
  }
  const topN = body.top_n;
  if (topN !== undefined && (typeof topN !== 'number' || !Number.isInteger(topN) || topN < 1)) {
    return sendUpstreamError(
      ctx,
      422,
      'top_n: Input should be greater than or equal to 1',
      'upstream_error',
    );
  }
  const returnDocuments = body.return_documents === true;
  const results = texts
    .map((text, index) => ({ index, relevance_score: relevance(query, text) }))
    .sort((a, b) => b.relevance_score - a.relevance_score)
    .slice(0, typeof topN === 'number' ? topN : texts.length)
    .map((result) =>
      returnDocuments ? { document: { text: texts[result.index] }, ...result } : result,
    );
  const prompt = tokenCount([...texts, query].join('\n'));
  // new-api copies total_tokens into prompt_tokens for non-Xinference upstreams.
  sendJson(ctx, 200, { results, usage: newApiUsage({ prompt, completion: 0 }) });
}
