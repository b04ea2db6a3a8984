import WebSocket from 'ws';
import type { Example } from '../example-context';

/** A WAV file around 16-bit mono PCM (the realtime API's `audio/pcm`, 24 kHz). */
function wav(pcm: Buffer, sampleRate: number): Uint8Array {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return new Uint8Array(Buffer.concat([header, pcm]));
}

export const realtime: Example = {
  description:
    'a realtime session, server-side: text in, spoken answer out (transcript + WAV file)',
  async run({ provider, write, line, saveFile }) {
    const model = provider.experimental_realtime('gpt-4o-mini-realtime-preview');
    // The server holds the key, so it opens the socket itself (browsers get no tokens).
    const { url, headers } = await model.getServerWebSocketConfig();
    const ws = new WebSocket(url, { headers });
    const audio: Buffer[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) =>
          reject(new Error(`realtime handshake failed: HTTP ${res.statusCode}`)),
        );
      });
      const send = async (event: Parameters<typeof model.serializeClientEvent>[0]) =>
        ws.send(JSON.stringify(await model.serializeClientEvent(event)));

      const usage = await new Promise<unknown>((resolve, reject) => {
        ws.on('message', (data) => {
          const parsed = model.parseServerEvent(JSON.parse(data.toString()));
          for (const event of Array.isArray(parsed) ? parsed : [parsed]) {
            if (event.type === 'audio-transcript-delta' || event.type === 'text-delta')
              write(event.delta);
            else if (event.type === 'audio-delta') audio.push(Buffer.from(event.delta, 'base64'));
            else if (event.type === 'response-done') resolve(event.usage);
            else if (event.type === 'error') reject(new Error(`[error] ${event.message}`));
          }
        });
        ws.once('close', () => reject(new Error('realtime socket closed before response.done')));
        (async () => {
          await send({
            type: 'session-update',
            config: {
              instructions: 'You are a concise assistant.',
              voice: 'alloy',
              outputModalities: ['audio'],
              outputAudioFormat: { type: 'audio/pcm', rate: 24000 },
              turnDetection: { type: 'disabled' },
            },
          });
          await send({
            type: 'conversation-item-create',
            item: { type: 'text-message', role: 'user', text: 'Say hello to MixRouter.' },
          });
          await send({ type: 'response-create' });
        })().catch(reject);
      });
      line();
      const pcm = Buffer.concat(audio);
      line(
        `audio → ${await saveFile('realtime-reply.wav', wav(pcm, 24000))} (${(pcm.length / 48000).toFixed(2)} s)`,
      );
      line(`usage: ${JSON.stringify(usage)}`);
    } finally {
      ws.close();
    }
  },
};
