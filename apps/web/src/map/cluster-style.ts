/** Ratio-to-baseline steps shared by the map circles and the legend. */
export const ratioSteps = [
  { from: 0, color: '#f2b705' },
  { from: 2, color: '#ef7d00' },
  { from: 5, color: '#d93025' },
  { from: 10, color: '#7f0d0d' },
] as const;

export const activityColor = '#1a67d2';

export function toRatioColor(ratio: number): string {
  let color: string = ratioSteps[0].color;
  for (const step of ratioSteps) if (ratio >= step.from) color = step.color;
  return color;
}

/** Area grows with the count, so radius with its square root; capped so one city cannot cover a country. */
export function toClusterRadius(count: number): number {
  return Math.min(36, 5 + 2.2 * Math.sqrt(count));
}

export function toCellRadius(count: number): number {
  return Math.min(18, 3 + 1.4 * Math.sqrt(count));
}
