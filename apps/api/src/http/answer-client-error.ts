import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpProblem, toHttpErrorType, toProblem } from './problem';

/** The statuses Node's own answer would carry for these parser errors; anything else is 400. */
const byCode: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'the request headers are larger than allowed' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, detail: 'the chunk extensions are larger than allowed' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'the request did not arrive in time' },
};

/**
 * For `server.on('clientError', answerClientError)`. A request Node's HTTP parser refuses (a body
 * cut short of its content-length, bytes that are not HTTP, headers too large, too slow) never
 * reaches Express, and Node answers a bare 400; this answers a problem document like every other
 * 4xx, then closes. A connection that has started a response, or has gone, is only closed.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const written = (socket as Duplex & { bytesWritten?: number }).bytesWritten ?? 0;
  if (err.code === 'ECONNRESET' || !socket.writable || written > 0) {
    socket.destroy();
    return;
  }
  const { status, detail } = byCode[err.code ?? ''] ?? { status: 400, detail: 'the request is not valid HTTP/1.1' };
  const title = STATUS_CODES[status] ?? 'Bad Request';
  // No request was parsed, so there is no URL to name as the instance.
  const { instance: _none, ...problem } = toProblem(new HttpProblem(status, toHttpErrorType(status), title, detail), '');
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
