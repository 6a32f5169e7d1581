import type { ServiceStatus } from '@outage-radar/shared';

const colours: Record<ServiceStatus | 'unknown', string> = { ok: '#2e7d32', possible: '#b45309', problems: '#b91c1c', unknown: '#6b7280' };
const labels: Record<ServiceStatus | 'unknown', string> = { ok: 'no problems', possible: 'possible problems', problems: 'problems', unknown: 'status unknown' };

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Close enough for an 11 px sans-serif: badges are sized, not measured, as shields-style badges are. */
const textWidth = (s: string) => Math.round([...s].length * 6.6 + 12);

/** A shields-style SVG badge "Name | status", readable without colour (the status is words). */
export function badgeSvg(name: string, status: ServiceStatus | 'unknown'): string {
  const left = escapeXml(name);
  const right = labels[status];
  const lw = textWidth(name);
  const rw = textWidth(right);
  const w = lw + rw;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${left}: ${right}">
<title>${left}: ${right}</title>
<clipPath id="r"><rect width="${w}" height="20" rx="3"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#374151"/><rect x="${lw}" width="${rw}" height="20" fill="${colours[status]}"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14">${left}</text><text x="${lw + rw / 2}" y="14">${right}</text></g>
</svg>`;
}
