import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from '../src/http/answer-client-error';
import { exchange, type RawRequest } from './raw-http';

describe('answerClientError', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // Stands in for the API: what matters is what happens before any handler runs.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    server.on('clientError', answerClientError);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: string, declaredLength: RawRequest['declaredLength'], headers: [string, string][] = []) =>
    exchange(port, {
      method: 'POST',
      target: '/api/reports',
      headers: [['content-type', 'application/json'], ...headers],
      body: Buffer.from(body),
      declaredLength,
    });

  it.each([
    ['a body cut short of its content-length', () => post('{"service":', 'more'), 400],
    ['a request line that is not HTTP', () => exchange(port, { method: 'NOT HTTP', target: '/', headers: [], body: null }), 400],
    ['headers larger than Node allows', () => post('{}', 'exact', [['x-padding', 'x'.repeat(20_000)]]), 431],
  ])('answers %s with a problem document, as Express would', async (_what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  });
});
