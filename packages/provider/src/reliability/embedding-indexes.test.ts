import { InvalidResponseDataError } from '@ai-sdk/provider';
import { embedMany } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, sendJson, startFakeServer } from './helpers/fake-server';
import { errorOf, testProvider } from './helpers/models';

let gateway: FakeServer;
beforeAll(async () => {
  gateway = await startFakeServer();
});
afterAll(() => gateway.close());

const entry = (index: number | undefined, value: number) => ({
  object: 'embedding',
  ...(index !== undefined ? { index } : {}),
  embedding: [value, value],
});

function answer(data: unknown[]) {
  gateway.reset((_, res) =>
    sendJson(res, 200, {
      object: 'list',
      data,
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 3, total_tokens: 3 },
    }),
  );
}

describe('embedding indexes from a hostile gateway', () => {
  const embed = () =>
    testProvider({ baseURL: gateway.baseURL })
      .embedding('text-embedding-3-small')
      .doEmbed({ values: ['a', 'b', 'c'] });

  it.each([
    ['a duplicate index', [entry(0, 0), entry(0, 1), entry(2, 2)], 'index 0 given twice'],
    ['an out-of-range index', [entry(0, 0), entry(1, 1), entry(3, 3)], 'index 3 outside 0..2'],
    [
      'an index on some entries only',
      [entry(0, 0), entry(undefined, 1), entry(2, 2)],
      'an index on only 2 of 3',
    ],
  ])('%s is an error naming the problem', async (_, data, problem) => {
    answer(data);
    const error = await errorOf(embed);
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(problem);
    expect((error as Error).message).toContain('text-embedding-3-small');
  });

  it('a negative or fractional index is refused by the response schema', async () => {
    for (const bad of [-1, 1.5]) {
      answer([entry(0, 0), entry(bad, 1), entry(2, 2)]);
      const error = await errorOf(embed);
      expect((error as Error).message, String(bad)).toMatch(/Invalid JSON response|index/);
    }
  });

  it('entries out of order are put back in input order', async () => {
    answer([entry(2, 2), entry(0, 0), entry(1, 1)]);
    const result = await embed();
    expect(result.embeddings).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('entries without any index keep the answer order; through embedMany', async () => {
    answer([entry(undefined, 0), entry(undefined, 1), entry(undefined, 2)]);
    const { embeddings } = await embedMany({
      model: testProvider({ baseURL: gateway.baseURL }).embedding('text-embedding-3-small'),
      values: ['a', 'b', 'c'],
      maxRetries: 0,
    });
    expect(embeddings.map((e) => e[0])).toEqual([0, 1, 2]);
  });
});
