import { describe, expect, it } from 'vitest';
import { embeddingBatchViolation } from './embeddings-contract.ts';

describe('embedding batch limits', () => {
  it('DashScope text-embedding-v1 takes at most 25 texts', () => {
    expect(embeddingBatchViolation('text-embedding-v1', 25)).toBeUndefined();
    expect(embeddingBatchViolation('text-embedding-v1', 26)).toMatchObject({
      status: 400,
      code: 'invalid_parameter_error',
      message:
        '<400> InternalError.Algo.InvalidParameter: Value error, batch size is invalid, it should not be larger than 25.: input.contents',
    });
    expect(embeddingBatchViolation('text-embedding-3-small', 2048)).toBeUndefined();
  });
});
