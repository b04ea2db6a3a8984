import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;
const model = 'doubao-seedance-1-0-lite-i2v-250428';

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

describe('video tasks', () => {
  it('submits, polls queued → in_progress → completed and downloads', async () => {
    const submit = await api.post('/v1/videos', {
      model,
      prompt: 'A person walks',
      images: ['https://x/a.jpg'],
      duration: 5,
    });
    const task = await submit.json();
    expect(task).toMatchObject({ object: 'video', model, status: 'queued', progress: 0 });
    expect(task.id).toMatch(/^task_[A-Za-z0-9]{32}$/);
    expect(task.task_id).toBe(task.id);

    expect((await api.get(`/v1/videos/${task.id}/content`)).status).toBe(400);
    const statuses: string[] = [];
    let last: Record<string, unknown> = {};
    for (let i = 0; i < 3; i++) {
      last = await (await api.get(`/v1/videos/${task.id}`)).json();
      statuses.push(String(last.status));
    }
    expect(statuses).toEqual(['queued', 'in_progress', 'completed']);
    expect(last).toMatchObject({
      progress: 100,
      error: null,
      metadata: { url: `${emu.origin}/files/videos/${task.id}.mp4` },
    });

    const content = await api.get(`/v1/videos/${task.id}/content`);
    const bytes = Buffer.from(await content.arrayBuffer());
    expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
    const publicFile = await fetch(`${emu.origin}/files/videos/${task.id}.mp4`);
    // Buffer#equals: a deep toEqual over a real video's bytes takes seconds.
    expect(Buffer.from(await publicFile.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('serves the new-api envelope on /v1/video/generations/{id}', async () => {
    const task = await (
      await api.post('/v1/video/generations', {
        model,
        prompt: 'Waves',
        metadata: { emulator_polls: 2 },
      })
    ).json();
    const first = await (await api.get(`/v1/video/generations/${task.id}`)).json();
    expect(first).toMatchObject({
      code: 'success',
      message: '',
      data: { task_id: task.id, status: 'QUEUED', progress: '20%', action: 'generate' },
    });
    const second = await (await api.get(`/v1/video/generations/${task.id}`)).json();
    expect(second.data).toMatchObject({ status: 'SUCCESS', progress: '100%', fail_reason: '' });
    expect(second.data.result_url).toMatch(/\/files\/videos\/task_\w+\.mp4$/);
    expect(second.data.data.content.video_url).toBe(second.data.result_url);
  });

  it('emulates the dec25 shapes', async () => {
    const dec = { 'x-emulator-video-shape': 'dec25' };
    const submit = await (
      await api.post(
        '/v1/video/generations',
        { model, prompt: 'Old', metadata: { emulator_polls: 1 } },
        dec,
      )
    ).json();
    expect(Object.keys(submit)).toEqual(['task_id']);
    expect(submit.task_id).toMatch(/^cgt-2\d{13}-/);
    const done = await (await api.get(`/v1/video/generations/${submit.task_id}`, dec)).json();
    expect(done.data.status).toBe('SUCCESS');
    expect(done.data).not.toHaveProperty('result_url');
    expect(done.data.fail_reason).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/videos\//);
  });

  it('fails prompts containing "fail" and reports errors in the task shape', async () => {
    const task = await (
      await api.post('/v1/videos', {
        model,
        prompt: 'please fail',
        metadata: { emulator_polls: 1 },
      })
    ).json();
    const failed = await (await api.get(`/v1/videos/${task.id}`)).json();
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ message: expect.any(String), code: expect.any(String) });

    const missing = await api.get('/v1/videos/task_doesnotexist');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'task_not_exist', data: null });

    const noPrompt = await api.post('/v1/video/generations', { model });
    expect(noPrompt.status).toBe(400);
    expect(await noPrompt.json()).toMatchObject({ code: 'invalid_request', data: null });
  });
});
