import { describe, expect, it } from 'vitest';
import { chatContractViolation } from './chat-contract.ts';

const messages = [{ role: 'user', content: 'Hi' }];

describe('Zhipu (GLM) contract', () => {
  it('GLM-4.5+: temperature and top_p in [0, 1]; GLM-4: the open interval', () => {
    expect(chatContractViolation({ messages, temperature: 0 }, 'glm-4.6', 'glm')).toBeUndefined();
    expect(chatContractViolation({ messages, temperature: 1.2 }, 'glm-4.6', 'glm')).toEqual({
      status: 400,
      message: 'temperature参数非法。请检查文档。',
      type: 'upstream_error',
      code: '1214',
      param: '',
    });
    expect(chatContractViolation({ messages, temperature: 1 }, 'glm-4-plus', 'glm')?.code).toBe(
      '1214',
    );
    expect(
      chatContractViolation({ messages, temperature: 0.5 }, 'glm-4-plus', 'glm'),
    ).toBeUndefined();
  });

  it('thinking.type is enabled or disabled', () => {
    expect(
      chatContractViolation({ messages, thinking: { type: 'enabled' } }, 'glm-4.5', 'glm'),
    ).toBeUndefined();
    expect(
      chatContractViolation({ messages, thinking: { type: 'auto' } }, 'glm-4.5', 'glm')?.message,
    ).toBe('thinking.type参数非法。请检查文档。');
  });
});

describe('MiniMax contract', () => {
  it('errors arrive inside an HTTP 200 with base_resp, as the native API sends them', () => {
    const v = chatContractViolation({ messages, temperature: 0 }, 'minimax-m2', 'minimax');
    expect(v?.status).toBe(200);
    expect(v?.body).toMatchObject({
      choices: null,
      base_resp: { status_code: 2013, status_msg: 'invalid params, temperature must be in (0, 1]' },
    });
    expect(chatContractViolation({ messages, n: 2 }, 'abab6.5s-chat', 'minimax')?.code).toBe(2013);
    expect(
      chatContractViolation({ messages, temperature: 1 }, 'minimax-m2.5', 'minimax'),
    ).toBeUndefined();
  });

  it('M2 models are text-only', () => {
    const image = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
        ],
      },
    ];
    expect(chatContractViolation({ messages: image }, 'minimax-m2', 'minimax')?.status).toBe(200);
  });
});

describe('Doubao (Ark) contract', () => {
  it("thinking.type values per model, in Ark's error shape", () => {
    expect(
      chatContractViolation(
        { messages, thinking: { type: 'auto' } },
        'doubao-seed-1-6-250615',
        'doubao',
      ),
    ).toBeUndefined();
    expect(
      chatContractViolation(
        { messages, thinking: { type: 'on' } },
        'doubao-seed-1-6-250615',
        'doubao',
      ),
    ).toMatchObject({
      status: 400,
      type: 'BadRequest',
      code: 'InvalidParameter',
      param: 'thinking.type',
    });
  });
});
