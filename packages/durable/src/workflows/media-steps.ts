import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { type EmbeddingModel, embed, generateImage, type ImageModel } from 'ai';

async function embedStep(model: EmbeddingModel, value: string) {
  'use step';
  const { embedding } = await embed({ model, value });
  return { dimensions: embedding.length, finite: embedding.every(Number.isFinite) };
}

async function drawStep(model: ImageModel, prompt: string) {
  'use step';
  const { image } = await generateImage({ model, prompt, size: '256x256' });
  return { mediaType: image.mediaType, bytes: image.uint8Array.length };
}

/**
 * Media model types inside a durable run: the models are created in the workflow and
 * cross the step boundary as Workflow step state; their request code loads in the step.
 */
export async function mediaSteps(baseURL: string) {
  'use workflow';
  const mixrouter = createMixRouter({ baseURL, headers: { 'x-trace-id': 'durable-media' } });
  const embedding = await embedStep(
    mixrouter.embedding('text-embedding-3-small'),
    'a lighthouse at dusk',
  );
  const image = await drawStep(mixrouter.image('gpt-image-1'), 'a lighthouse at dusk');
  return { embedding, image };
}
