import type { ServiceStatus } from '@outage-radar/shared';

const width = 120;
const height = 32;

/** 24 hourly values as a tiny area chart; decorative, the card says the numbers in words. */
export function Sparkline({ values, status }: { values: readonly number[]; status: ServiceStatus }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${(height - 2 - (value / max) * (height - 4)).toFixed(1)}`);
  const line = points.join(' ');
  return (
    <svg className={`sparkline sparkline--${status}`} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {values.length > 1 && (
        <>
          <polygon points={`0,${height} ${line} ${width},${height}`} className="sparkline__area" />
          <polyline points={line} className="sparkline__line" vectorEffect="non-scaling-stroke" />
        </>
      )}
    </svg>
  );
}
