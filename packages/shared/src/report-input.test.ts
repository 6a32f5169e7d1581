import { ReportInput } from './report-input';

describe('ReportInput', () => {
  it('accepts a minimal report', () => {
    expect(ReportInput.parse({ service: 'whatsapp', problem: 'messages' })).toEqual({ service: 'whatsapp', problem: 'messages' });
  });

  it.each([
    [{ problem: 'login' }, 'service'],
    [{ service: 'WhatsApp!', problem: 'login' }, 'service'],
    [{ service: 'whatsapp', problem: '' }, 'problem'],
    [{ service: 'whatsapp', problem: 'login', location: { lat: 91, lon: 0 } }, 'location.lat'],
    [{ service: 'whatsapp', problem: 'login', location: { lat: 0, lon: -180.5 } }, 'location.lon'],
    [{ service: 'whatsapp', problem: 'login', location: { lat: '12', lon: 0 } }, 'location.lat'],
    [{ service: 'whatsapp', problem: 'login', comment: 'x'.repeat(501) }, 'comment'],
    [{ service: 'whatsapp', problem: 'login', extra: true }, ''],
    // PostgreSQL refuses NUL in text: a report carrying one would be answered 202 and never stored.
    [{ service: 'whatsapp', problem: 'login', comment: 'down\u0000' }, 'comment'],
    [{ service: 'whatsapp', problem: 'login', comment: 'bell \u0007 here' }, 'comment'],
    [{ service: 'whatsapp', problem: 'login', comment: 'half a pair \ud83d' }, 'comment'],
  ])('refuses case %#, naming "%s"', (body, field) => {
    const result = ReportInput.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('keeps line breaks, tabs and any script in a comment', () => {
    const comment = 'চ্যাট বন্ধ\n\tلا يعمل 😞';
    expect(ReportInput.parse({ service: 'x', problem: 'app', comment }).comment).toBe(comment);
  });

  it('trims the comment', () => {
    expect(ReportInput.parse({ service: 'x', problem: 'app', comment: '  down again  ' }).comment).toBe('down again');
  });
});
