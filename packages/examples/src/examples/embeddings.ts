import { cosineSimilarity, embed, embedMany } from 'ai';
import type { Example } from '../example-context';

const DOCUMENTS = [
  'The Eiffel Tower is in Paris.',
  'Bananas are rich in potassium.',
  'The Louvre is the most visited museum in the world.',
  'Rust guarantees memory safety without a garbage collector.',
];

export const embeddings: Example = {
  description: 'embedMany + a small similarity search',
  async run({ provider, line }) {
    const model = provider.embedding('text-embedding-3-small');
    const { embeddings, usage } = await embedMany({ model, values: DOCUMENTS });
    const { embedding } = await embed({ model, value: 'Which museum is famous in France?' });
    const ranked = DOCUMENTS.map((text, i) => ({
      text,
      score: cosineSimilarity(embedding, embeddings[i]!),
    })).sort((a, b) => b.score - a.score);
    for (const { text, score } of ranked) line(`${score.toFixed(3)}  ${text}`);
    line(
      `${embeddings.length} vectors of ${embeddings[0]!.length} dimensions; ${usage.tokens} tokens`,
    );
  },
};
