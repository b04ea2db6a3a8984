/** Async video tasks (protocol §9): submit, poll (two fetch shapes), download. */
import { type Ctx, header, sendBytes, sendJson } from './context.ts';
import { sendError, sendModelNotFound } from './errors.ts';
import { hashBase62, hashLetters, unixSeconds, utcStamp } from './ids.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-util.ts';
import { isKnownModel, modelKind } from './known-models.ts';
import { makeVideo } from './media.ts';
import { modelFamily } from './model-family.ts';
import { fieldValue } from './multipart.ts';
import type { VideoTask } from './state.ts';

type Status = 'queued' | 'in_progress' | 'completed' | 'failed';

function taskError(ctx: Ctx, status: number, code: string, message = code): void {
  sendError(ctx, status, { message, code });
}

/** Submit body from JSON or (Sora style) multipart. */
function submitBody(ctx: Ctx): JsonObject | undefined {
  if (ctx.multipart) {
    const fields: JsonObject = {};
    for (const key of Object.keys(ctx.multipart.fields))
      fields[key] = fieldValue(ctx.multipart, key);
    if (ctx.multipart.files.some((f) => f.field === 'input_reference'))
      fields.input_reference = 'file';
    return fields;
  }
  return isObject(ctx.body) ? ctx.body : undefined;
}

export async function handleVideoSubmit(ctx: Ctx): Promise<void> {
  const body = submitBody(ctx);
  if (!body)
    return taskError(
      ctx,
      400,
      'invalid_request',
      `无效的请求, ${ctx.jsonError ?? 'body must be a JSON object'}`,
    );
  const model = asString(body.model);
  if (!model) return taskError(ctx, 400, 'invalid_request', 'model is required');
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  if (modelKind(model) !== 'video') {
    return taskError(
      ctx,
      400,
      'invalid_request',
      `model ${model} does not support video generation`,
    );
  }
  const prompt = asString(body.prompt);
  if (!prompt) return taskError(ctx, 400, 'invalid_request', 'prompt is required');
  let metadata = asObject(body.metadata) ?? {};
  if (typeof body.metadata === 'string') {
    try {
      metadata = asObject(JSON.parse(body.metadata)) ?? {};
    } catch {
      return taskError(ctx, 400, 'invalid_request', 'metadata must be a JSON object');
    }
  }
  const polls =
    asNumber(metadata.emulator_polls) ?? asNumber(header(ctx, 'x-emulator-video-polls')) ?? 3;
  const shape = header(ctx, 'x-emulator-video-shape') === 'dec25' ? 'dec25' : 'mar26';
  const n = ctx.state.counters.next('video');
  const task: VideoTask = {
    id:
      shape === 'dec25'
        ? `cgt-${utcStamp()}-${hashLetters(`cgt:${n}`, 5).toLowerCase()}`
        : `task_${hashBase62(`task:${n}`, 32)}`,
    row: n,
    model,
    prompt,
    createdAt: unixSeconds(),
    polls: 0,
    pollsToComplete: Math.max(0, polls),
    willFail: /fail/i.test(prompt),
    shape,
    size: asString(body.size),
    seconds:
      asString(body.seconds) ?? (body.duration !== undefined ? String(body.duration) : undefined),
    images: [
      asString(body.image),
      asString(body.input_reference),
      ...asArray(body.images).map(asString),
    ].filter((x): x is string => x !== undefined),
    metadata,
  };
  ctx.state.videos.set(task.id, task);
  if (shape === 'dec25') return sendJson(ctx, 200, { task_id: task.id });
  sendJson(ctx, 200, openAiVideo(ctx, task, 'queued'));
}

function statusOf(task: VideoTask): Status {
  if (task.polls >= task.pollsToComplete) return task.willFail ? 'failed' : 'completed';
  return task.polls <= 1 ? 'queued' : 'in_progress';
}

function videoPath(task: VideoTask): string {
  return `/files/videos/${task.id}.mp4`;
}

/** Counts a poll and returns the new status (storing the video on completion). */
function poll(ctx: Ctx, task: VideoTask): Status {
  task.polls++;
  const status = statusOf(task);
  if ((status === 'completed' || status === 'failed') && task.completedAt === undefined) {
    task.completedAt = unixSeconds();
    if (status === 'completed') {
      const body = makeVideo({ prompt: task.prompt, size: task.size, seconds: task.seconds });
      ctx.state.files.set(videoPath(task), { contentType: 'video/mp4', body });
    }
  }
  return status;
}

function percent(task: VideoTask, status: Status): number {
  if (status === 'queued') return 0;
  if (status === 'in_progress') {
    return Math.min(
      90,
      Math.max(10, Math.round((task.polls / Math.max(1, task.pollsToComplete)) * 100)),
    );
  }
  return 100;
}

const FAILURE = {
  message: 'The request was rejected by the content moderation system (emulated failure).',
  code: 'content_policy_violation',
};

function openAiVideo(ctx: Ctx, task: VideoTask, status: Status): JsonObject {
  const video: JsonObject = {
    id: task.id,
    task_id: task.id,
    object: 'video',
    model: task.model,
    status,
    progress: percent(task, status),
    created_at: task.createdAt,
  };
  if (task.completedAt !== undefined) video.completed_at = task.completedAt;
  if (task.seconds) video.seconds = task.seconds;
  if (task.size) video.size = task.size;
  if (status === 'completed') video.metadata = { url: `${ctx.state.origin}${videoPath(task)}` };
  video.error = status === 'failed' ? FAILURE : null;
  return video;
}

function findTask(ctx: Ctx): VideoTask | undefined {
  const task = ctx.state.videos.get(ctx.params[0]);
  if (!task) taskError(ctx, 400, 'task_not_exist');
  return task;
}

/** GET /v1/videos/{id} */
export async function handleVideoGet(ctx: Ctx): Promise<void> {
  const task = findTask(ctx);
  if (task) sendJson(ctx, 200, openAiVideo(ctx, task, poll(ctx, task)));
}

const ENVELOPE_STATUS: Record<Status, string> = {
  queued: 'QUEUED',
  in_progress: 'IN_PROGRESS',
  completed: 'SUCCESS',
  failed: 'FAILURE',
};

const VENDOR_STATUS: Record<Status, string> = {
  queued: 'queued',
  in_progress: 'running',
  completed: 'succeeded',
  failed: 'failed',
};

/** GET /v1/video/generations/{id} — new-api envelope with the internal task record. */
export async function handleVideoGenerationGet(ctx: Ctx): Promise<void> {
  const task = findTask(ctx);
  if (!task) return;
  const status = poll(ctx, task);
  const url = `${ctx.state.origin}${videoPath(task)}`;
  const dec25 = task.shape === 'dec25' || header(ctx, 'x-emulator-video-shape') === 'dec25';
  const now = unixSeconds();
  const upstreamId = task.id.startsWith('cgt-')
    ? task.id
    : `cgt-${task.id.slice(5, 25).toLowerCase()}`;
  const vendor: JsonObject = {
    id: upstreamId,
    model: task.model,
    status: VENDOR_STATUS[status],
    created_at: task.createdAt,
    updated_at: now,
  };
  if (status === 'completed') {
    vendor.content = { video_url: url };
    vendor.usage = { completion_tokens: 108900, total_tokens: 108900 };
  }
  if (status === 'failed') vendor.error = FAILURE;
  const data: JsonObject = {
    id: task.row,
    task_id: task.id,
    platform: modelFamily(task.model) === 'doubao' ? '54' : modelFamily(task.model),
    action: 'generate',
    status: ENVELOPE_STATUS[status],
    progress:
      status === 'queued'
        ? '20%'
        : status === 'in_progress'
          ? `${Math.max(30, percent(task, status))}%`
          : '100%',
    fail_reason: status === 'failed' ? FAILURE.message : dec25 && status === 'completed' ? url : '',
    result_url: status === 'completed' ? url : '',
    submit_time: task.createdAt,
    start_time: status === 'queued' ? 0 : task.createdAt,
    finish_time: task.completedAt ?? 0,
    created_at: task.createdAt,
    updated_at: now,
    user_id: 1,
    group: 'default',
    channel_id: 1,
    quota: 50000,
    properties: {
      input: task.prompt,
      upstream_model_name: task.model,
      origin_model_name: task.model,
    },
    data: vendor,
  };
  if (dec25) delete data.result_url;
  sendJson(ctx, 200, { code: 'success', message: '', data });
}

/** GET /v1/videos/{id}/content — the video bytes, 400 until completed. */
export async function handleVideoContent(ctx: Ctx): Promise<void> {
  const task = findTask(ctx);
  if (!task) return;
  const file = ctx.state.files.get(videoPath(task));
  if (!file)
    return taskError(ctx, 400, 'task_not_completed', `task ${task.id} is not completed yet`);
  sendBytes(ctx, 200, file.contentType, file.body);
}
