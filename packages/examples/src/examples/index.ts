import type { Example } from '../example-context';
import { durableAgent } from './durable-agent';
import { embeddings } from './embeddings';
import { imageGeneration } from './image-generation';
import { modelSwap } from './model-swap';
import { multimodalInput } from './multimodal-input';
import { realtime } from './realtime';
import { reasoning } from './reasoning';
import { registry } from './registry';
import { speech } from './speech';
import { streaming } from './streaming';
import { structuredOutput } from './structured-output';
import { text } from './text';
import { toolAgent } from './tool-agent';
import { transcription } from './transcription';
import { video } from './video';

export const examples: Record<string, Example> = {
  streaming,
  text,
  'tool-agent': toolAgent,
  reasoning,
  'structured-output': structuredOutput,
  'multimodal-input': multimodalInput,
  'model-swap': modelSwap,
  registry,
  embeddings,
  'image-generation': imageGeneration,
  speech,
  transcription,
  video,
  realtime,
  'durable-agent': durableAgent,
};
