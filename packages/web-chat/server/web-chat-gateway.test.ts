import { describe, expect, it } from 'vitest';
import { openWebChatGateway } from './web-chat-gateway';

describe('openWebChatGateway', () => {
  it('uses the real API when MIXROUTER_API_KEY is set, without test headers', async () => {
    const gateway = await openWebChatGateway({
      MIXROUTER_API_KEY: 'sk-test',
      MIXROUTER_BASE_URL: 'http://127.0.0.1:9/v1',
    });
    expect(gateway.target).toBe('mixrouter');
    expect(gateway.baseURL).toBe('http://127.0.0.1:9/v1');
    expect(gateway.simulationHeaders('quota')).toEqual({});
    await gateway.close();
  });

  it('starts an emulator on loopback otherwise, and maps simulations to fault headers', async () => {
    const gateway = await openWebChatGateway({});
    try {
      expect(gateway.target).toBe('emulator');
      expect(gateway.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(gateway.simulationHeaders('quota')).toMatchObject({ 'x-emulator-fault': '403-quota' });
      expect(gateway.simulationHeaders('rate-limit')).toMatchObject({ 'x-emulator-fault': '429' });
      expect(gateway.simulationHeaders('none')).not.toHaveProperty('x-emulator-fault');
      expect(gateway.simulationHeaders(undefined)).toHaveProperty('x-emulator-chunk-delay-ms');
    } finally {
      await gateway.close();
    }
  });
});
