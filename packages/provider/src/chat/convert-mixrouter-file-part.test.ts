import {
  type LanguageModelV4FilePart,
  NoSuchProviderReferenceError,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { convertMixRouterFilePart } from './convert-mixrouter-file-part';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_B64 = 'iVBORw0KGgo=';
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0]); // "RIFF"
const WAV_B64 = 'UklGRgAAAAA=';
const PDF = new TextEncoder().encode('%PDF-1.7');
const PDF_B64 = 'JVBERi0xLjc=';
const MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]);

const url = (href: string) => ({ type: 'url' as const, url: new URL(href) });
const bytes = (data: Uint8Array | string) => ({ type: 'data' as const, data });

function convert(
  modelId: string,
  part: Omit<LanguageModelV4FilePart, 'type'>,
  imageDetail?: 'auto' | 'low' | 'high',
) {
  const warnings: SharedV4Warning[] = [];
  const content = convertMixRouterFilePart({
    part: { type: 'file', ...part },
    info: getMixRouterModelInfo(modelId),
    imageDetail,
    warnings,
  });
  return { content, warnings };
}

function rejects(
  modelId: string,
  part: Omit<LanguageModelV4FilePart, 'type'>,
): UnsupportedFunctionalityError {
  try {
    convert(modelId, part);
  } catch (error) {
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    return error as UnsupportedFunctionalityError;
  }
  throw new Error('expected an UnsupportedFunctionalityError');
}

/** A representative model per family that takes images. */
const IMAGE_MODELS = [
  'gpt-4o',
  'claude-sonnet-4-5-20250929',
  'gemini-2.5-flash',
  'qwen-vl-max',
  'glm-4.5v',
  'moonshot-v1-8k-vision-preview',
  'grok-4',
  'doubao-seed-1-6-250615',
];

describe('images', () => {
  it.each(IMAGE_MODELS)('%s: URL passes through, bytes and base64 become a data URL', (modelId) => {
    expect(
      convert(modelId, { mediaType: 'image/jpeg', data: url('https://x.test/a.jpg') }).content,
    ).toEqual({
      type: 'image_url',
      image_url: { url: 'https://x.test/a.jpg' },
    });
    expect(convert(modelId, { mediaType: 'image/png', data: bytes(PNG) }).content).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${PNG_B64}` },
    });
    expect(convert(modelId, { mediaType: 'image/png', data: bytes(PNG_B64) }).content).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${PNG_B64}` },
    });
  });

  it('sends imageDetail', () => {
    expect(convert('gpt-4o', { mediaType: 'image/png', data: bytes(PNG) }, 'low').content).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${PNG_B64}`, detail: 'low' },
    });
  });

  it('sniffs the subtype when the media type is only "image"', () => {
    expect(convert('gpt-4o', { mediaType: 'image', data: bytes(PNG) }).content).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${PNG_B64}` },
    });
    expect(
      convert('gpt-4o', { mediaType: 'image', data: url('https://x.test/a') }).content,
    ).toEqual({
      type: 'image_url',
      image_url: { url: 'https://x.test/a' },
    });
  });

  it('rejects images for a text-only listed model (deepseek-chat), naming model and media type', () => {
    const error = rejects('deepseek-chat', { mediaType: 'image/png', data: bytes(PNG) });
    expect(error.message).toBe(
      'MixRouter model "deepseek-chat" cannot take image input (image/png).',
    );
    expect(error.functionality).toContain('deepseek-chat');
  });

  it('sends images to an unlisted model anyway, with a compatibility warning', () => {
    const { content, warnings } = convert('my-private-finetune', {
      mediaType: 'image/png',
      data: url('https://x.test/a.png'),
    });
    expect(content).toMatchObject({ type: 'image_url' });
    expect(warnings).toMatchObject([{ type: 'compatibility', feature: 'image input' }]);
  });
});

describe('audio', () => {
  it.each(['gemini-2.5-flash', 'qwen2.5-vl-72b-instruct'])('%s: URL → audio_url', (modelId) => {
    expect(
      convert(modelId, { mediaType: 'audio/wav', data: url('https://x.test/a.wav') }).content,
    ).toEqual({
      type: 'audio_url',
      audio_url: { url: 'https://x.test/a.wav' },
    });
  });

  it('gpt-4o-audio-preview: URL is rejected (OpenAI does not fetch audio URLs)', () => {
    rejects('gpt-4o-audio-preview', { mediaType: 'audio/wav', data: url('https://x.test/a.wav') });
  });

  it.each([
    ['gpt-4o-audio-preview', 'audio/wav', 'wav'],
    ['gpt-4o-audio-preview', 'audio/mpeg', 'mp3'],
    ['gpt-audio', 'audio/x-wav', 'wav'],
    ['gemini-2.5-flash', 'audio/wav', 'wav'],
    ['gemini-2.5-flash', 'audio/mp3', 'mp3'],
  ])('%s: %s bytes → input_audio base64 (%s)', (modelId, mediaType, format) => {
    expect(convert(modelId, { mediaType, data: bytes(WAV) }).content).toEqual({
      type: 'input_audio',
      input_audio: { data: WAV_B64, format },
    });
  });

  it('qwen: bytes → input_audio with a data URL, any format DashScope knows', () => {
    expect(
      convert('qwen2.5-vl-72b-instruct', { mediaType: 'audio/wav', data: bytes(WAV) }).content,
    ).toEqual({
      type: 'input_audio',
      input_audio: { data: `data:audio/wav;base64,${WAV_B64}`, format: 'wav' },
    });
    expect(
      convert('qwen3-omni-flash-2025-12-01', { mediaType: 'audio/ogg', data: bytes(WAV) }).content,
    ).toMatchObject({ input_audio: { format: 'ogg' } });
  });

  it.each([
    ['gemini-2.5-flash', 'audio/ogg'],
    ['gemini-2.5-flash', 'audio/webm'],
    ['gpt-4o-audio-preview', 'audio/flac'],
    ['gpt-4o-audio-preview', 'audio/x-unknown'],
  ])('%s: %s bytes → UnsupportedFunctionalityError naming model and type', (modelId, mediaType) => {
    const error = rejects(modelId, { mediaType, data: bytes(WAV) });
    expect(error.message).toContain(modelId);
    expect(error.message).toContain(mediaType);
  });

  it.each(['gpt-4o', 'claude-sonnet-4-5-20250929', 'deepseek-chat'])(
    '%s: audio is rejected',
    (modelId) => {
      rejects(modelId, { mediaType: 'audio/wav', data: bytes(WAV) });
    },
  );
});

describe('video', () => {
  it.each(['gemini-2.5-flash', 'qwen-vl-max', 'qwen2.5-vl-72b-instruct', 'glm-4.5v'])(
    '%s: URL → video_url',
    (modelId) => {
      const { content, warnings } = convert(modelId, {
        mediaType: 'video/mp4',
        data: url('https://cdn.bigmodel.cn/agent-demos/lark/113123.mov'),
      });
      expect(content).toEqual({
        type: 'video_url',
        video_url: { url: 'https://cdn.bigmodel.cn/agent-demos/lark/113123.mov' },
      });
      expect(warnings).toEqual([]);
    },
  );

  it.each(['gemini-2.5-flash', 'qwen-vl-max'])('%s: bytes → data URL with a warning', (modelId) => {
    const { content, warnings } = convert(modelId, { mediaType: 'video/mp4', data: bytes(MP4) });
    expect(content).toEqual({
      type: 'video_url',
      video_url: { url: 'data:video/mp4;base64,AAAAGGZ0eXA=' },
    });
    expect(warnings).toMatchObject([{ type: 'compatibility', feature: 'video input as bytes' }]);
  });

  it('glm-4.5v: bytes are rejected (send a URL)', () => {
    expect(rejects('glm-4.5v', { mediaType: 'video/mp4', data: bytes(MP4) }).message).toContain(
      'send a public video URL instead',
    );
  });

  it.each(['gpt-4o', 'claude-sonnet-4-5-20250929'])('%s: video is rejected', (modelId) => {
    rejects(modelId, { mediaType: 'video/mp4', data: url('https://x.test/v.mp4') });
  });
});

describe('PDF and text files', () => {
  it.each(['gpt-4o', 'claude-sonnet-4-5-20250929', 'gemini-2.5-flash'])(
    '%s: bytes → file_data data URL with the filename',
    (modelId) => {
      expect(
        convert(modelId, { mediaType: 'application/pdf', data: bytes(PDF), filename: 'a.pdf' })
          .content,
      ).toEqual({
        type: 'file',
        file: { filename: 'a.pdf', file_data: `data:application/pdf;base64,${PDF_B64}` },
      });
      expect(
        convert(modelId, { mediaType: 'application/pdf', data: bytes(PDF) }).content,
      ).toMatchObject({
        file: { filename: 'document.pdf' },
      });
    },
  );

  it.each(['claude-sonnet-4-5-20250929', 'gemini-2.5-flash'])(
    '%s: URL passes through',
    (modelId) => {
      expect(
        convert(modelId, { mediaType: 'application/pdf', data: url('https://x.test/a.pdf') })
          .content,
      ).toEqual({
        type: 'file',
        file: { filename: 'document.pdf', file_data: 'https://x.test/a.pdf' },
      });
    },
  );

  it('gpt-4o: PDF by URL is rejected', () => {
    rejects('gpt-4o', { mediaType: 'application/pdf', data: url('https://x.test/a.pdf') });
  });

  it('rejects PDFs for models without document input', () => {
    rejects('qwen-vl-max', { mediaType: 'application/pdf', data: bytes(PDF) });
  });

  it('inlines text/* files as text, from bytes, base64 or inline text', () => {
    const csv = new TextEncoder().encode('a,b\n1,2');
    expect(convert('deepseek-chat', { mediaType: 'text/csv', data: bytes(csv) }).content).toEqual({
      type: 'text',
      text: 'a,b\n1,2',
    });
    expect(
      convert('deepseek-chat', { mediaType: 'text/plain', data: bytes('aGVsbG8=') }).content,
    ).toEqual({
      type: 'text',
      text: 'hello',
    });
    expect(
      convert('gpt-4o', { mediaType: 'text/markdown', data: { type: 'text', text: '# Hi' } })
        .content,
    ).toEqual({
      type: 'text',
      text: '# Hi',
    });
  });

  it('rejects text files by URL, inline text of other types and unknown media types', () => {
    rejects('gpt-4o', { mediaType: 'text/plain', data: url('https://x.test/a.txt') });
    rejects('gpt-4o', { mediaType: 'application/json', data: { type: 'text', text: '{}' } });
    rejects('gpt-4o', { mediaType: 'application/zip', data: bytes(PNG) });
  });
});

describe('provider references', () => {
  it('openai: {mixrouter: id} → file_id', () => {
    expect(
      convert('gpt-4o', {
        mediaType: 'application/pdf',
        data: { type: 'reference', reference: { mixrouter: 'file-123' } },
      }).content,
    ).toEqual({ type: 'file', file: { file_id: 'file-123' } });
  });

  it('openai: a reference for another provider only → NoSuchProviderReferenceError', () => {
    expect(() =>
      convert('gpt-4o', {
        mediaType: 'application/pdf',
        data: { type: 'reference', reference: { openai: 'file-1' } },
      }),
    ).toThrow(NoSuchProviderReferenceError);
  });

  it.each(['claude-sonnet-4-5-20250929', 'gemini-2.5-flash', 'qwen-vl-max'])(
    '%s: rejected',
    (modelId) => {
      rejects(modelId, {
        mediaType: 'application/pdf',
        data: { type: 'reference', reference: { mixrouter: 'file-123' } },
      });
    },
  );
});
