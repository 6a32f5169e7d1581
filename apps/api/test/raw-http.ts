import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** Sent as is: a client would refuse or "fix" most of the malformed paths tests want to send. */
  target: string;
  headers: [string, string][];
  body: Buffer | null;
  /**
   * What content-length says, against the body sent: `exact`; `more` than is sent (the client then
   * stops sending); `less`, so the server reads a body cut short. Absent when there is no body.
   */
  declaredLength?: 'exact' | 'more' | 'less';
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One request on its own connection, written byte for byte, and the first response read back.
 * Rejects if no complete response arrives within `timeoutMs`.
 */
export function exchange(port: number, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (outcome: RawResponse | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => settle(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    const parsed = (closed = false) => parseResponse(Buffer.concat(chunks), req.method === 'HEAD', closed);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // The first complete response is all a test looks at; a cut-short body may be followed by more.
      const response = parsed();
      if (response) settle(response);
    });
    socket.on('close', () => settle(parsed(true) ?? new Error(`connection closed without a complete response (${Buffer.concat(chunks).length} bytes)`)));
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      const body = req.body ?? Buffer.alloc(0);
      const length =
        req.body === null
          ? null
          : req.declaredLength === 'more'
            ? body.length + 10
            : req.declaredLength === 'less'
              ? Math.max(0, body.length - 3)
              : body.length;
      const lines = [`${req.method} ${req.target} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', ...req.headers.map(([k, v]) => `${k}: ${v}`)];
      if (length !== null) lines.push(`content-length: ${length}`);
      socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
      // A client that declared more than it sent stops here, as a dropped connection would.
      if (req.declaredLength === 'more') socket.end();
    });
  });
}

/** The first response in `bytes`, or null while it is incomplete (a body without a length ends when the connection does). */
function parseResponse(bytes: Buffer, isHead: boolean, closed: boolean): RawResponse | null {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...headerLines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(end + 4);
  if (isHead || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0) };
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return rest.length >= length ? { status, headers, body: rest.subarray(0, length) } : null;
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return dechunk(rest, status, headers);
  return closed ? { status, headers, body: rest } : null;
}

function dechunk(bytes: Buffer, status: number, headers: Record<string, string>): RawResponse | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return { status, headers, body: Buffer.concat(parts) };
    if (bytes.length < lineEnd + 2 + size + 2) return null;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
