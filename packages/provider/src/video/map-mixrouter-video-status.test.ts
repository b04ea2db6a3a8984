import { describe, expect, it } from 'vitest';
import { mapMixRouterVideoStatus, parseMixRouterVideoProgress } from './map-mixrouter-video-status';

describe('mapMixRouterVideoStatus', () => {
  it.each([
    // OpenAI-Video object
    ['queued', 'pending'],
    ['in_progress', 'pending'],
    ['completed', 'completed'],
    ['failed', 'error'],
    ['unknown', 'pending'],
    // simplified generic (Gemini/Vertex path)
    ['processing', 'pending'],
    ['succeeded', 'completed'],
    // internal task record
    ['NOT_START', 'pending'],
    ['SUBMITTED', 'pending'],
    ['QUEUED', 'pending'],
    ['IN_PROGRESS', 'pending'],
    ['SUCCESS', 'completed'],
    ['FAILURE', 'error'],
    ['UNKNOWN', 'pending'],
    // vendor spellings and odd input
    ['running', 'pending'],
    ['cancelled', 'error'],
    [' Succeeded ', 'completed'],
    ['in-progress', 'pending'],
    ['', 'pending'],
    [undefined, 'pending'],
    [null, 'pending'],
    [3, 'pending'],
  ])('%j → %s', (status, expected) => {
    expect(mapMixRouterVideoStatus(status)).toBe(expected);
  });
});

describe('parseMixRouterVideoProgress', () => {
  it.each([
    [30, 30],
    ['30%', 30],
    ['100%', 100],
    ['12.5', 12.5],
    [150, 100],
    [-1, 0],
    ['', undefined],
    ['n/a', undefined],
    [null, undefined],
  ])('%j → %j', (progress, expected) => {
    expect(parseMixRouterVideoProgress(progress)).toBe(expected);
  });
});
