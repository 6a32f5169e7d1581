/**
 * Files a report as someone new each time. Playwright's request context keeps cookies like a
 * browser, so after its first report it carries that reporter's id and every later report would be
 * the same person's (refused as a repeat); fetch keeps none.
 */
export async function postReportAsNewPerson(baseURL: string | undefined, body: object, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(new URL('/api/reports', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}
