/**
 * The emulator's generated media, made for people to open: images of the requested size
 * drawn from the prompt (media-png.ts), speech-like audio of the input text in the
 * requested format (media-audio.ts) and H.264/MP4 videos (media-video.ts).
 */
import {
  encodeFlac,
  encodeMp3,
  encodePcm,
  encodeWav,
  SPEECH_SAMPLE_RATE,
  synthesizeSpeech,
} from './media-audio.ts';
import { imageDimensions, renderPromptImage } from './media-png.ts';
import { renderPromptVideo } from './media-video.ts';

/** A PNG for an image request: `size` (`1024x1024`, `1024*1024`) or `aspectRatio` (`16:9`). */
export function makeImage({
  prompt,
  size,
  aspectRatio,
  variant = 0,
}: {
  prompt: string;
  size?: string;
  aspectRatio?: string;
  variant?: number;
}): Buffer {
  return renderPromptImage({ prompt, variant, ...imageDimensions(size, aspectRatio) });
}

/**
 * Speech for `text` in an OpenAI `response_format`: mp3 (default), wav, pcm (24 kHz
 * 16-bit mono), flac. opus and aac get a minimal container only (no encoder here; see
 * the README's deviations).
 */
export function makeSpeech(
  text: string,
  { format, voice, speed }: { format?: string; voice?: string; speed?: number } = {},
): { bytes: Buffer; contentType: string } {
  const samples = () => synthesizeSpeech(text, voice, speed);
  switch (format) {
    case 'wav':
      return { bytes: encodeWav(samples()), contentType: 'audio/wav' };
    case 'pcm':
    case 'pcm16':
      return { bytes: encodePcm(samples()), contentType: 'audio/pcm' };
    case 'flac':
      return { bytes: encodeFlac(samples()), contentType: 'audio/flac' };
    case 'opus':
      return {
        bytes: Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]),
        contentType: 'audio/ogg',
      };
    case 'aac':
      return {
        bytes: Buffer.concat([Buffer.from([0xff, 0xf1, 0x50, 0x80]), Buffer.alloc(60)]),
        contentType: 'audio/aac',
      };
    default:
      return { bytes: encodeMp3(samples()), contentType: 'audio/mpeg' };
  }
}

export { SPEECH_SAMPLE_RATE };

/** An MP4 for a video task: `size` like `1280x720`, `seconds` as the API's string or number. */
export function makeVideo({
  prompt,
  size,
  seconds,
}: {
  prompt: string;
  size?: string;
  seconds?: string | number;
}): Buffer {
  const { width, height } = imageDimensions(size ?? '1280x720', undefined);
  const duration = Number(seconds);
  return renderPromptVideo({
    prompt,
    width,
    height,
    seconds: Number.isFinite(duration) && duration > 0 ? duration : 4,
  });
}
