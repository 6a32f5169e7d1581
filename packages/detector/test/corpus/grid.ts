// Figures of one config on every corpus at once, for tuning: the old scenarios, the wide corpus's
// tuning part, and the real series' tuning part (when a folder is given in NAB_DIR).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeries, parseTimestamp, replay, type DetectorConfig } from '../../src/index';
import { measureDetection, medianDelays } from '../measure-detection';
import { measureWorld } from './measure-world';
import { tuneSeeds, worldSpec } from './world';

const config = JSON.parse(process.argv[2] ?? '{}') as Partial<DetectorConfig>;
const out: string[] = [JSON.stringify(config)];
const old = measureDetection(config);
const d = medianDelays(old.cases);
out.push(
  `old: false ${old.falseOutages}/${old.serviceWeeks}wk missed ${old.cases.filter((c) => c.delay === null).length} delay ${d.detector}/${d.reference} = ${(d.detector / d.reference).toFixed(2)}`,
);
const w = measureWorld(tuneSeeds, worldSpec, config);
out.push(`world: false/wk ${w.falsePerWeek.toFixed(3)} recall ${w.recall.toFixed(3)} delay ${w.medianDelay}`);
const dir = process.env.NAB_DIR;
if (dir) {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, [string, string][]>;
  let outside = 0;
  let found = 0;
  let windows = 0;
  let weeks = 0;
  for (const n of ['AAPL', 'AMZN', 'CRM', 'CVS', 'FB']) {
    const name = `Twitter_volume_${n}`;
    const rows = parseSeries(readFileSync(join(dir, `${name}.csv`), 'utf8'));
    const win = labels[name]!.map(([a, b]) => [parseTimestamp(a)!, parseTimestamp(b)!]);
    const r = replay(rows, config);
    weeks += (rows.at(-1)!.at - rows[0]!.at) / (7 * 86_400_000);
    const onsets = r.rows.flatMap((x, i) => (x.alert && !r.rows[i - 1]?.alert ? [rows[i]!.at] : []));
    outside += onsets.filter((t) => !win.some(([a, b]) => t >= a! && t <= b!)).length;
    windows += win.length;
    found += win.filter(([a, b]) => onsets.some((t) => t >= a! && t <= b!)).length;
  }
  out.push(`nab: outside/wk ${(outside / weeks).toFixed(2)} found ${found}/${windows}`);
}
console.log(out.join(' | '));
