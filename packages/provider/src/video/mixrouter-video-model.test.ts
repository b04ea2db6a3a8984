import {
  InvalidArgumentError,
  InvalidResponseDataError,
  type Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
} from '@ai-sdk/provider';
import {
  createTestServer,
  TestResponseController,
  type UrlResponse,
} from '@ai-sdk/test-server/with-vitest';
import {
  experimental_generateVideo,
  experimental_getVideoStatus,
  experimental_startVideo,
} from 'ai';
import { beforeEach, describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import dec25Fixture from './__fixtures__/envelope-dec25-fail-reason-url.json';
import envelopeFailureFixture from './__fixtures__/envelope-failure.json';
import envelopeResultUrlFixture from './__fixtures__/envelope-success-result-url.json';
import envelopeVendorFixture from './__fixtures__/envelope-vendor-only.json';
import flatFixture from './__fixtures__/flat-gemini-succeeded.json';
import openaiCompletedFixture from './__fixtures__/openai-video-completed.json';
import openaiFailedFixture from './__fixtures__/openai-video-failed.json';
import submitNewFixture from './__fixtures__/submit-new-build.json';
import { MixRouterVideoModel, type MixRouterVideoModelConfig } from './mixrouter-video-model';

const BASE = 'https://api.mixrouter.test/v1';
const SUBMIT_GENERIC = `${BASE}/video/generations`;
const SUBMIT_VIDEOS = `${BASE}/videos`;
const GENERIC_STATUS = `${BASE}/video/generations/task_A`;
const VIDEOS_STATUS = `${BASE}/videos/task_A`;
const CONTENT = `${BASE}/videos/task_A/content`;
const GATEWAY_FILE = `${BASE}/files/task_A.mp4`;
const CDN_RESULT = 'https://ark-content.volces.test/result/video.mp4';
// Other result URLs of the fixtures, served like CDN_RESULT (the package downloads them).
const CDN_URLS = [
  'https://ark-content.volces.test/dec25/video.mp4',
  'https://ark-content.volces.test/raw/video.mp4',
  'https://storage.googleapis.test/veo/video.mp4',
  'https://ark-content.volces.test/meta/video.mp4',
] as const;

const server = createTestServer({
  [SUBMIT_GENERIC]: {},
  [SUBMIT_VIDEOS]: {},
  [GENERIC_STATUS]: {},
  [VIDEOS_STATUS]: {},
  [CONTENT]: {},
  [GATEWAY_FILE]: {},
  [CDN_RESULT]: {},
  [CDN_URLS[0]]: {},
  [CDN_URLS[1]]: {},
  [CDN_URLS[2]]: {},
  [CDN_URLS[3]]: {},
  [`${BASE}/video/generations/cgt-20251230`]: {},
  [`${BASE}/video/generations/${submitNewFixture.id}`]: {},
});

const MP4 = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
const TIMESTAMP = new Date('2026-01-01T00:00:00Z');

const config: MixRouterVideoModelConfig = {
  provider: 'mixrouter.video',
  baseURL: BASE,
  url: (path) => `${BASE}${path}`,
  headers: () => ({ Authorization: 'Bearer sk-test' }),
  _internal: { currentDate: () => TIMESTAMP },
};

const seedance = new MixRouterVideoModel('doubao-seedance-1-0-lite-i2v-250428', config);

/** Serves MP4 bytes on every CDN URL of the fixtures. */
function serveCdn() {
  for (const url of [CDN_RESULT, ...CDN_URLS]) {
    server.urls[url].response = {
      type: 'binary',
      body: MP4,
      headers: { 'content-type': 'video/mp4' },
    };
  }
}

const downloaded = { type: 'binary', data: new Uint8Array(MP4), mediaType: 'video/mp4' };

const OPTIONS: VideoModelV4CallOptions = {
  prompt: 'The person in the picture starts walking naturally',
  n: 1,
  aspectRatio: undefined,
  resolution: undefined,
  duration: undefined,
  fps: undefined,
  seed: undefined,
  image: undefined,
  frameImages: undefined,
  inputReferences: undefined,
  generateAudio: undefined,
  providerOptions: {},
};

const json = (body: unknown): UrlResponse => ({ type: 'json-value', body: body as never });

/** Answers in order for one URL (the test server's call numbers count all URLs). */
function sequence(...responses: UrlResponse[]) {
  let index = 0;
  return () => responses[Math.min(index++, responses.length - 1)];
}

const GENERIC_OP = { taskId: 'task_A', endpoint: 'video/generations' };
const VIDEOS_OP = { taskId: 'task_A', endpoint: 'videos' };

describe('MixRouterVideoModel', () => {
  beforeEach(serveCdn);

  it('exposes the V4 metadata and the async flow only', () => {
    expect(seedance.specificationVersion).toBe('v4');
    expect(seedance.provider).toBe('mixrouter.video');
    expect(seedance.maxVideosPerCall).toBe(1);
    expect('doGenerate' in seedance).toBe(false);
    expect(typeof seedance.doStart).toBe('function');
    expect(typeof seedance.doStatus).toBe('function');
  });

  describe('doStart', () => {
    it('submits to /video/generations and reads id ?? task_id', async () => {
      server.urls[SUBMIT_GENERIC].response = json(submitNewFixture);
      const result = await seedance.doStart({
        ...OPTIONS,
        duration: 5,
        aspectRatio: '16:9',
        resolution: '1280x720',
        frameImages: [
          {
            frameType: 'first_frame',
            image: { type: 'url', url: 'https://example.com/first.jpg' },
          },
          { frameType: 'last_frame', image: { type: 'url', url: 'https://example.com/last.jpg' } },
        ],
        providerOptions: { mixrouter: { metadata: { camera_fixed: false, watermark: false } } },
      });
      expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
        {
          "duration": 5,
          "images": [
            "https://example.com/first.jpg",
            "https://example.com/last.jpg",
          ],
          "metadata": {
            "camera_fixed": false,
            "ratio": "16:9",
            "resolution": "720p",
            "watermark": false,
          },
          "model": "doubao-seedance-1-0-lite-i2v-250428",
          "prompt": "The person in the picture starts walking naturally",
          "size": "1280x720",
        }
      `);
      expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
      expect(result).toEqual({
        operation: { taskId: submitNewFixture.id, endpoint: 'video/generations' },
        warnings: [],
        providerMetadata: { mixrouter: { taskId: submitNewFixture.id, status: 'queued' } },
        response: { timestamp: TIMESTAMP, modelId: seedance.modelId, headers: expect.any(Object) },
      });
    });

    it('accepts the old {task_id}-only answer and the /videos endpoint', async () => {
      server.urls[SUBMIT_VIDEOS].response = json({ task_id: 'cgt-20251230' });
      const result = await seedance.doStart({
        ...OPTIONS,
        providerOptions: { mixrouter: { endpoint: 'videos' } },
      });
      expect(server.calls[0].requestUrl).toBe(SUBMIT_VIDEOS);
      expect(result.operation).toEqual({ taskId: 'cgt-20251230', endpoint: 'videos' });
    });

    it('throws a clear error when the answer has no id', async () => {
      server.urls[SUBMIT_GENERIC].response = json({ status: 'queued' });
      const error = await seedance.doStart(OPTIONS).catch((e) => e);
      expect(InvalidResponseDataError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(/neither "id" nor "task_id"/);
    });

    it('maps task-route errors ({code, message, data:null})', async () => {
      server.urls[SUBMIT_GENERIC].response = {
        type: 'error',
        status: 429,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: 'rate_limit',
          message: '当前分组上游负载已饱和，请稍后再试',
          data: null,
        }),
      };
      const error = await seedance.doStart(OPTIONS).catch((e) => e);
      expect(isMixRouterError(error)).toBe(true);
      expect(error.statusCode).toBe(429);
      expect(error.isRetryable).toBe(true);
      expect(error.message).toContain('当前分组上游负载已饱和');
    });

    it('rejects invalid provider options before any request', async () => {
      await expect(
        seedance.doStart({ ...OPTIONS, providerOptions: { mixrouter: { endpoint: 'jobs' } } }),
      ).rejects.toSatisfy(InvalidArgumentError.isInstance);
      expect(server.calls).toHaveLength(0);
    });
  });

  describe('doStatus', () => {
    it.each([
      ['queued', { status: 'queued', progress: 0 }, 0],
      ['in_progress', { status: 'in_progress', progress: 30 }, 30],
      ['processing', { task_id: 'task_A', status: 'processing' }, undefined],
      ['unknown', { status: 'unknown' }, undefined],
      ['NOT_START', { code: 'success', data: { status: 'NOT_START', progress: '0%' } }, 0],
      ['SUBMITTED', { code: 'success', data: { status: 'SUBMITTED', progress: '10%' } }, 10],
      ['QUEUED', { code: 'success', data: { status: 'QUEUED', progress: '20%' } }, 20],
      ['IN_PROGRESS', { code: 'success', data: { status: 'IN_PROGRESS', progress: '30%' } }, 30],
      ['UNKNOWN', { code: 'success', data: { status: 'UNKNOWN', progress: '' } }, undefined],
    ])('%s is pending (progress %j)', async (status, body, progress) => {
      server.urls[GENERIC_STATUS].response = json(body);
      const result = await seedance.doStatus({ operation: GENERIC_OP });
      expect(result.status).toBe('pending');
      expect(result.providerMetadata).toEqual({
        mixrouter: { taskId: 'task_A', status, ...(progress !== undefined ? { progress } : {}) },
      });
      expect(server.calls[0].requestUrl).toBe(GENERIC_STATUS);
      expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
    });

    it('completed envelope: result_url (another origin) is downloaded without the key', async () => {
      server.urls[GENERIC_STATUS].response = json(envelopeResultUrlFixture);
      const result = await seedance.doStatus({ operation: GENERIC_OP });
      expect(server.calls[1].requestUrl).toBe(CDN_RESULT);
      expect(server.calls[1].requestHeaders.authorization).toBeUndefined();
      expect(result).toEqual({
        status: 'completed',
        videos: [downloaded],
        warnings: [],
        providerMetadata: {
          mixrouter: { taskId: 'task_A', status: 'SUCCESS', progress: 100, videoUrl: CDN_RESULT },
        },
        response: { timestamp: TIMESTAMP, modelId: seedance.modelId, headers: expect.any(Object) },
      });
    });

    it('[dec25] reads the video URL from fail_reason on SUCCESS', async () => {
      server.urls[`${BASE}/video/generations/cgt-20251230`].response = json(dec25Fixture);
      const result = await seedance.doStatus({
        operation: { taskId: 'cgt-20251230', endpoint: 'video/generations' },
      });
      expect(result.status === 'completed' && result.videos).toEqual([downloaded]);
      expect(result.providerMetadata?.mixrouter.videoUrl).toBe(
        'https://ark-content.volces.test/dec25/video.mp4',
      );
    });

    it('reads the vendor payload data.data.content.video_url', async () => {
      server.urls[GENERIC_STATUS].response = json(envelopeVendorFixture);
      const result = await seedance.doStatus({ operation: GENERIC_OP });
      expect(result.status === 'completed' && result.videos[0]).toEqual(downloaded);
      expect(result.providerMetadata?.mixrouter.videoUrl).toBe(
        'https://ark-content.volces.test/raw/video.mp4',
      );
    });

    it('understands the flat {task_id, status: succeeded, url} shape, bare and in the envelope', async () => {
      server.urls[GENERIC_STATUS].response = json(flatFixture);
      const bare = await seedance.doStatus({ operation: GENERIC_OP });
      expect(bare.status === 'completed' && bare.videos[0]).toEqual(downloaded);
      expect(bare.providerMetadata?.mixrouter.videoUrl).toBe(
        'https://storage.googleapis.test/veo/video.mp4',
      );

      server.urls[GENERIC_STATUS].response = json({
        code: 'success',
        message: '',
        data: flatFixture,
      });
      const wrapped = await seedance.doStatus({ operation: GENERIC_OP });
      expect(wrapped.status).toBe('completed');
    });

    it('OpenAI-Video object on /videos/{id}: metadata.url', async () => {
      server.urls[VIDEOS_STATUS].response = json(openaiCompletedFixture);
      const result = await seedance.doStatus({ operation: VIDEOS_OP });
      expect(server.calls[0].requestUrl).toBe(VIDEOS_STATUS);
      expect(result.status === 'completed' && result.videos[0]).toEqual(downloaded);
      expect(result.providerMetadata?.mixrouter.videoUrl).toBe(
        'https://ark-content.volces.test/meta/video.mp4',
      );
    });

    it('falls back to GET /videos/{id}/content with Authorization when no URL is given', async () => {
      server.urls[VIDEOS_STATUS].response = json({
        id: 'task_A',
        object: 'video',
        status: 'completed',
        progress: 100,
      });
      server.urls[CONTENT].response = {
        type: 'binary',
        body: MP4,
        headers: { 'content-type': 'video/mp4' },
      };
      const result = await new MixRouterVideoModel('sora-2', config).doStatus({
        operation: VIDEOS_OP,
      });
      expect(server.calls[1].requestUrl).toBe(CONTENT);
      expect(server.calls[1].requestHeaders.authorization).toBe('Bearer sk-test');
      expect(result.status).toBe('completed');
      if (result.status !== 'completed') return;
      expect(result.videos[0]).toEqual({
        type: 'binary',
        data: new Uint8Array(MP4),
        mediaType: 'video/mp4',
      });
      expect(result.providerMetadata?.mixrouter.videoUrl).toBe(CONTENT);
    });

    it('downloads a same-origin result URL itself (ai would send no key)', async () => {
      server.urls[GENERIC_STATUS].response = json({
        code: 'success',
        data: { status: 'SUCCESS', result_url: GATEWAY_FILE },
      });
      server.urls[GATEWAY_FILE].response = {
        type: 'binary',
        body: MP4,
        headers: { 'content-type': 'application/octet-stream' },
      };
      const result = await seedance.doStatus({ operation: GENERIC_OP });
      expect(server.calls[1].requestHeaders.authorization).toBe('Bearer sk-test');
      expect(result.status === 'completed' && result.videos[0]).toEqual({
        type: 'binary',
        data: new Uint8Array(MP4),
        mediaType: 'video/mp4',
      });
    });

    it('reports failed tasks with the gateway reason (error.message / fail_reason)', async () => {
      server.urls[VIDEOS_STATUS].response = json(openaiFailedFixture);
      const openai = await seedance.doStatus({ operation: VIDEOS_OP });
      expect(openai).toMatchObject({
        status: 'error',
        error:
          'MixRouter video task task_A (doubao-seedance-1-0-lite-i2v-250428) failed: Your request was blocked by our moderation system.',
      });

      server.urls[GENERIC_STATUS].response = json(envelopeFailureFixture);
      const envelope = await seedance.doStatus({ operation: GENERIC_OP });
      expect(envelope).toMatchObject({
        status: 'error',
        error: expect.stringContaining('the input image may contain sensitive information'),
        providerMetadata: { mixrouter: { status: 'FAILURE', progress: 100 } },
      });
    });

    it('falls back to /video/generations/{id} when /videos/{id} is 404', async () => {
      server.urls[VIDEOS_STATUS].response = {
        type: 'error',
        status: 404,
        body: '404 page not found',
      };
      server.urls[GENERIC_STATUS].response = json(envelopeResultUrlFixture);
      const result = await seedance.doStatus({ operation: VIDEOS_OP });
      expect(server.calls.map((call) => call.requestUrl)).toEqual([
        VIDEOS_STATUS,
        GENERIC_STATUS,
        CDN_RESULT,
      ]);
      expect(result.status).toBe('completed');
    });

    it('surfaces task_not_exist', async () => {
      server.urls[GENERIC_STATUS].response = {
        type: 'error',
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'task_not_exist', message: 'task_not_exist', data: null }),
      };
      const error = await seedance.doStatus({ operation: GENERIC_OP }).catch((e) => e);
      expect(isMixRouterError(error)).toBe(true);
      expect(error.code).toBe('task_not_exist');
    });

    it('rejects an operation it did not create', async () => {
      await expect(seedance.doStatus({ operation: 'task_A' })).rejects.toSatisfy(
        InvalidArgumentError.isInstance,
      );
      await expect(seedance.doStatus({ operation: { id: 'x' } })).rejects.toSatisfy(
        InvalidArgumentError.isInstance,
      );
    });

    it('aborts promptly', async () => {
      const controller = new TestResponseController();
      server.urls[GENERIC_STATUS].response = { type: 'controlled-stream', controller };
      const abort = new AbortController();
      const promise = seedance.doStatus({ operation: GENERIC_OP, abortSignal: abort.signal });
      setTimeout(() => abort.abort(), 10);
      await expect(promise).rejects.toThrow(/abort/i);
    });
  });

  describe('through ai', () => {
    it('experimental_generateVideo polls queued → in_progress → completed and downloads the URL', async () => {
      server.urls[SUBMIT_GENERIC].response = json(submitNewFixture);
      server.urls[`${BASE}/video/generations/${submitNewFixture.id}`].response = sequence(
        json({ code: 'success', data: { status: 'QUEUED', progress: '20%' } }),
        json({ code: 'success', data: { status: 'IN_PROGRESS', progress: '30%' } }),
        json({
          ...envelopeResultUrlFixture,
          data: { ...envelopeResultUrlFixture.data, task_id: submitNewFixture.id },
        }),
      );
      server.urls[CDN_RESULT].response = {
        type: 'binary',
        body: MP4,
        headers: { 'content-type': 'video/mp4' },
      };
      const result = await experimental_generateVideo({
        model: seedance,
        prompt: 'Waves at sunset',
        duration: 5,
        poll: { intervalMs: 1 },
        maxRetries: 0,
      });
      expect(result.video.mediaType).toBe('video/mp4');
      expect(Buffer.from(result.video.uint8Array)).toEqual(MP4);
      const urls = server.calls.map((call) => call.requestUrl);
      expect(urls.filter((url) => url.includes('/video/generations/'))).toHaveLength(3);
      expect(urls.at(-1)).toBe(CDN_RESULT);
      // the package downloads the CDN URL without our key
      expect(server.calls.at(-1)?.requestHeaders.authorization).toBeUndefined();
      expect(result.providerMetadata.mixrouter).toMatchObject({ status: 'SUCCESS', progress: 100 });
    });

    it('experimental_generateVideo turns a failed task into an error', async () => {
      server.urls[SUBMIT_GENERIC].response = json({ task_id: 'task_A' });
      server.urls[GENERIC_STATUS].response = json(envelopeFailureFixture);
      await expect(
        experimental_generateVideo({
          model: seedance,
          prompt: 'x',
          poll: { intervalMs: 1 },
          maxRetries: 0,
        }),
      ).rejects.toThrow(/sensitive information/);
    });

    it('experimental_generateVideo stops polling when aborted', async () => {
      server.urls[SUBMIT_GENERIC].response = json({ task_id: 'task_A' });
      server.urls[GENERIC_STATUS].response = json({
        code: 'success',
        data: { status: 'IN_PROGRESS' },
      });
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 30);
      const started = Date.now();
      await expect(
        experimental_generateVideo({
          model: seedance,
          prompt: 'x',
          poll: { intervalMs: 5 },
          maxRetries: 0,
          abortSignal: abort.signal,
        }),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('experimental_startVideo + experimental_getVideoStatus (durable flow)', async () => {
      server.urls[SUBMIT_GENERIC].response = json({ task_id: 'task_A' });
      const started = await experimental_startVideo({
        model: seedance,
        prompt: 'x',
        maxRetries: 0,
      });
      expect(started.operation).toEqual(GENERIC_OP);

      server.urls[GENERIC_STATUS].response = json(envelopeResultUrlFixture);
      const status = await experimental_getVideoStatus(seedance, {
        operation: JSON.parse(JSON.stringify(started.operation)),
        maxRetries: 0,
      });
      expect(status.status).toBe('completed');
    });
  });
});
