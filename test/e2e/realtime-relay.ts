// The server half of a realtime app: browsers cannot put the MixRouter key in a
// WebSocket header, so the app relays their socket to the gateway, opening the upstream
// with model.getServerWebSocketConfig(). Frames pass through unchanged (the browser's
// session serialises and parses them with the same model).
import type { AddressInfo } from 'node:net';
import type { MixRouterRealtimeModel } from '@mixrouter/ai-sdk-provider';
import WebSocket, { WebSocketServer } from 'ws';

export interface RealtimeRelay {
  url: string;
  close(): Promise<void>;
}

export async function startRealtimeRelay(model: MixRouterRealtimeModel): Promise<RealtimeRelay> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', async (client) => {
    const pending: WebSocket.RawData[] = [];
    client.on('message', (data) => pending.push(data));
    const { url, headers } = await model.getServerWebSocketConfig();
    const upstream = new WebSocket(url, { headers });
    upstream.on('open', () => {
      client.removeAllListeners('message');
      for (const data of pending) upstream.send(data.toString());
      client.on('message', (data) => upstream.send(data.toString()));
    });
    upstream.on('message', (data) => client.send(data.toString()));
    upstream.on('close', (code) => client.close(code === 1005 ? 1000 : code));
    upstream.on('error', () => client.close(1011));
    client.on('close', () => upstream.close());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
