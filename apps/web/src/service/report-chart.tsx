import type { BucketCount } from '@outage-radar/shared';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Formatters } from '../i18n/use-formatters';

export interface ChartLabels {
  reports: string;
  working: string;
  baseline: string;
  normalRange: string;
}

interface Props {
  buckets: readonly BucketCount[];
  bucketMinutes: number;
  labels: ChartLabels;
  format: Formatters;
  /** Index of the bucket under the cursor, or null when it leaves the chart. */
  onHover: (index: number | null) => void;
}

const colors = {
  reports: '#b3261e',
  reportsFill: 'rgba(179,38,30,0.14)',
  working: '#1e6b35',
  baseline: '#5f6368',
  band: 'rgba(95,99,104,0.16)',
  outage: 'rgba(179,38,30,0.08)',
};

function toData(buckets: readonly BucketCount[]): uPlot.AlignedData {
  return [
    buckets.map((b) => Date.parse(b.bucketStart) / 1000),
    buckets.map((b) => b.baseline),
    buckets.map((b) => b.baselineHigh),
    buckets.map((b) => b.count),
    buckets.map((b) => b.working),
  ];
}

function heightFor(width: number): number {
  return width < 480 ? 200 : 260;
}

/** The 24-hour chart: reports, "works for me", the normal band and outage shading. uPlot draws on canvas. */
export function ReportChart({ buckets, bucketMinutes, labels, format, onHover }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ buckets, onHover });
  useEffect(() => {
    latest.current = { buckets, onHover };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = Math.max(280, element.clientWidth);
    const shadeOutages = (u: uPlot) => {
      const { ctx, bbox } = u;
      ctx.save();
      ctx.fillStyle = colors.outage;
      for (const bucket of latest.current.buckets) {
        if (!bucket.duringOutage) continue;
        const startS = Date.parse(bucket.bucketStart) / 1000;
        const left = u.valToPos(startS, 'x', true);
        const right = u.valToPos(startS + bucketMinutes * 60, 'x', true);
        ctx.fillRect(left, bbox.top, right - left, bbox.height);
      }
      ctx.restore();
    };
    const options: uPlot.Options = {
      width,
      height: heightFor(width),
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
      axes: [
        { space: 80, values: (_u, splits) => splits.map((s) => format.time(s * 1000)), stroke: '#444', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' } },
        {
          values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? format.number(s) : '')),
          stroke: '#444',
          grid: { stroke: '#eee' },
          ticks: { stroke: '#ddd' },
          size: 48,
        },
      ],
      series: [
        {},
        { label: labels.baseline, stroke: colors.baseline, width: 1.5, dash: [5, 4], points: { show: false } },
        { label: labels.normalRange, stroke: 'transparent', width: 0, points: { show: false } },
        { label: labels.reports, stroke: colors.reports, fill: colors.reportsFill, width: 2, points: { show: false } },
        { label: labels.working, stroke: colors.working, width: 1.5, points: { show: false } },
      ],
      bands: [{ series: [2, 1], fill: colors.band }],
      hooks: {
        drawClear: [shadeOutages],
        setCursor: [(u) => latest.current.onHover(u.cursor.idx ?? null)],
      },
    };
    const chart = new uPlot(options, toData(latest.current.buckets), element);
    plot.current = chart;
    const resize = new ResizeObserver(() => {
      const next = Math.max(280, element.clientWidth);
      if (next !== chart.width) chart.setSize({ width: next, height: heightFor(next) });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [bucketMinutes, labels, format]);

  useEffect(() => {
    plot.current?.setData(toData(buckets));
  }, [buckets]);

  return <div ref={container} className="report-chart__canvas" dir="ltr" onMouseLeave={() => onHover(null)} />;
}
