/**
 * The local MixRouter stand-in, run as its own process so that its CPU time and memory
 * never count against the implementation being measured. Every SSE body is serialised
 * into one Buffer at start-up and written with a single `end()`: the socket is the only
 * limit. Routes (any prefix works, so each provider can keep its own path layout):
 *
 *   POST /s/<scenario>/v1/chat/completions  → the scenario's SSE body
 *   POST /json/v1/chat/completions          → the canned non-stream reply
 *   POST /h/<input>/v1/chat/completions     → a worst-case input (scenario 5): its answer to
 *                                             a stream or a non-stream request
 *   GET  /stats                             → request counts per route and user agent
 *
 * Usage: node --import tsx src/server.ts '<json array of scenario keys>'
 * Prints `READY <port>` when listening.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { buildJsonReply, buildSseBody, parseScenarioKey } from './fixtures';
import { buildHostileBodies } from './hostile-fixtures';

const keys: string[] = JSON.parse(process.argv[2] ?? '[]');
const bodies = new Map<string, Buffer>();
for (const key of keys) {
  const scenario = parseScenarioKey(key);
  if (scenario === undefined) throw new Error(`unknown scenario ${key}`);
  bodies.set(key, buildSseBody(scenario));
}
const jsonReply = buildJsonReply();
const hostile = new Map<string, ReturnType<typeof buildHostileBodies>>();
const stats: Record<string, { count: number; requestBytes: number; userAgents: string[] }> = {};

function record(route: string, req: IncomingMessage, bytes: number): void {
  const entry = stats[route] ?? { count: 0, requestBytes: 0, userAgents: [] };
  stats[route] = entry;
  entry.count++;
  entry.requestBytes = bytes;
  const ua = String(req.headers['user-agent'] ?? '');
  if (!entry.userAgents.includes(ua) && entry.userAgents.length < 10) entry.userAgents.push(ua);
}

function fail(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: 'bench_error', code: status } }));
}

const server = createServer((req, res) => {
  let bytes = 0;
  const body: Buffer[] = [];
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    body.push(chunk);
  });
  req.on('end', () => {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'GET' && path === '/stats') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(stats));
      return;
    }
    if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
      fail(res, 404, `no route for ${req.method} ${path}`);
      return;
    }
    const stream = /^\/s\/([^/]+)\//.exec(path);
    if (stream) {
      const body = bodies.get(stream[1]!);
      if (body === undefined) {
        fail(res, 404, `no scenario ${stream[1]}`);
        return;
      }
      record(`stream ${stream[1]}`, req, bytes);
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
        'content-length': body.length,
      });
      res.end(body);
      return;
    }
    const worstCase = /^\/h\/([^/]+)\//.exec(path);
    if (worstCase) {
      const name = worstCase[1]!;
      if (!hostile.has(name)) hostile.set(name, buildHostileBodies(name));
      const bodies = hostile.get(name);
      if (bodies === undefined) {
        fail(res, 404, `no worst-case input ${name}`);
        return;
      }
      let stream = false;
      try {
        stream = JSON.parse(Buffer.concat(body).toString('utf8')).stream === true;
      } catch {}
      const answer = stream ? bodies.stream : bodies.generate;
      record(`hostile ${name}`, req, bytes);
      res.writeHead(answer.status, {
        'content-type': answer.contentType,
        'content-length': answer.body.length,
      });
      res.end(answer.body);
      return;
    }
    if (path.startsWith('/json/')) {
      record('json', req, bytes);
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': jsonReply.length,
        'x-bench-request-bytes': String(bytes),
      });
      res.end(jsonReply);
      return;
    }
    fail(res, 404, `no route for ${path}`);
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  process.stdout.write(`READY ${address.port}\n`);
});

// Exit with the parent: stdin closes when the parent goes away.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
