import { ProblemError } from './problem-error';

interface ProblemBody {
  type?: string;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

async function toProblemError(response: Response): Promise<ProblemError> {
  let body: ProblemBody = {};
  try {
    body = (await response.json()) as ProblemBody;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  return new ProblemError(response.status, body.type ?? 'about:blank', body.title ?? response.statusText, body.detail ?? null, body.errors ?? []);
}

/** Fetches JSON; a non-2xx answer or a network failure throws a `ProblemError`. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ProblemError(0, 'network', 'Network error', null);
  }
  if (!response.ok) throw await toProblemError(response);
  return (await response.json()) as T;
}
