/**
 * Per-model embedding batch limits the upstreams enforce. Sources:
 * - https://www.alibabacloud.com/help/en/model-studio/embedding (text-embedding-v1/v2: at most
 *   25 texts per call; v3/v4: 10) and …/error-code (`Value error, batch size is invalid, it
 *   should not be larger than xxx.`)
 * - https://platform.openai.com/docs/api-reference/embeddings/create (at most 2048 inputs; the
 *   2048 check stays in embeddings.ts, it applies to every model the gateway serves)
 */
import { type ContractViolation, invalidRequest } from './contract-types.ts';

const DASHSCOPE_BATCH: Readonly<Record<string, number>> = {
  'text-embedding-v1': 25,
  'text-embedding-v2': 25,
  'text-embedding-v3': 10,
  'text-embedding-v4': 10,
};

export function embeddingBatchViolation(
  model: string,
  inputCount: number,
): ContractViolation | undefined {
  const max = DASHSCOPE_BATCH[model];
  if (max === undefined || inputCount <= max) return undefined;
  return invalidRequest(
    `<400> InternalError.Algo.InvalidParameter: Value error, batch size is invalid, it should not be larger than ${max}.: input.contents`,
    '',
    'invalid_parameter_error',
  );
}
