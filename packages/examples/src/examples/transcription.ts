import { generateSpeech, transcribe } from 'ai';
import type { Example } from '../example-context';

export const transcription: Example = {
  description: 'transcribe audio (generated first with a TTS model)',
  async run({ provider, line }) {
    const { audio } = await generateSpeech({
      model: provider.speech('gpt-4o-mini-tts'),
      text: 'The quick brown fox.',
      voice: 'alloy',
    });
    const result = await transcribe({
      model: provider.transcription('whisper-1'),
      audio: audio.uint8Array,
    });
    line(`text: ${result.text}`);
    line(
      `language: ${result.language ?? '?'}, duration: ${result.durationInSeconds ?? '?'} s, ${result.segments.length} segments`,
    );
  },
};
