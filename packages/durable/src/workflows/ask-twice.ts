import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { generateText, type LanguageModel } from 'ai';
import { sleep } from 'workflow';

async function ask(model: LanguageModel, prompt: string) {
  'use step';
  const { text } = await generateText({ model, prompt });
  return text;
}

/** Two model steps with a durable sleep between them (the kill-and-resume test). */
export async function askTwice(baseURL: string, pause: string) {
  'use workflow';
  const model = createMixRouter({ baseURL }).chat('gpt-4o');
  const first = await ask(model, 'First question: what is 2+3?');
  await sleep(pause as `${number}s`);
  const second = await ask(model, 'Second question: what is 4+4?');
  return { first, second };
}
