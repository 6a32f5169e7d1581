import { nextPhase, type PhaseEvidence, type Thresholds } from './next-phase';
import type { PhaseState, SeriesPhase } from './series-state';

const minute = 60_000;
const T0 = 1_700_000_000_000;
const t: Thresholds = { suspectAt: 0.3, openAt: 0.5, quietMs: 3 * minute, resolveAfterMs: 10 * minute, cooldownMs: 30 * minute };

const quiet: PhaseEvidence = { score: 0.05, warm: true, ready: false, flood: false, sustained: false, holding: false, returned: true, relapse: false };
const high: PhaseEvidence = { ...quiet, score: 0.4 };
const burst: PhaseEvidence = { ...quiet, score: 0.9, ready: true };
const flood: PhaseEvidence = { ...burst, flood: true, holding: true, returned: false, relapse: true };
const sustained: PhaseEvidence = { ...burst, sustained: true, holding: true, returned: false, relapse: true };
const holding: PhaseEvidence = { ...quiet, score: 0.2, holding: true, returned: false };
// Counts neither clearly back nor clearly high (a quiet series, one bucket without reports).
const unsure: PhaseEvidence = { ...quiet, returned: false };
const relapse: PhaseEvidence = { ...holding, relapse: true };
const cold: PhaseEvidence = { ...flood, warm: false };
const thin: PhaseEvidence = { ...flood, ready: false };

// From a phase that began `sinceMin` minutes ago, with the last high score `highMin` minutes ago.
function from(phase: SeriesPhase, sinceMin = 0, highMin = sinceMin): PhaseState {
  return { phase, since: T0 - sinceMin * minute, lastHighAt: T0 - highMin * minute };
}

describe('nextPhase', () => {
  it.each([
    ['normal', quiet, 0, 0, 'normal'],
    ['normal', high, 0, 0, 'suspected'],
    ['normal', flood, 0, 0, 'outage'],
    ['normal', sustained, 0, 0, 'outage'],
    // A strong score alone (a burst still under way) only raises suspicion.
    ['normal', burst, 0, 0, 'suspected'],
    ['normal', cold, 0, 0, 'normal'],
    ['normal', thin, 0, 0, 'suspected'],
    ['suspected', burst, 3, 0, 'suspected'],
    ['suspected', flood, 1, 0, 'outage'],
    ['suspected', sustained, 5, 0, 'outage'],
    // One low tick does not end a suspicion; quietMs of them does.
    ['suspected', quiet, 5, 1, 'suspected'],
    ['suspected', quiet, 5, 3, 'normal'],
    ['outage', flood, 10, 0, 'outage'],
    ['outage', holding, 10, 5, 'outage'],
    ['outage', unsure, 10, 5, 'outage'],
    ['outage', quiet, 10, 5, 'recovering'],
    // Hysteresis: a dip does not close the outage, excess coming back in the newest buckets continues it.
    ['recovering', quiet, 9, 9, 'recovering'],
    ['recovering', relapse, 5, 5, 'outage'],
    // The tail of the outage still in the longer windows is no relapse.
    ['recovering', holding, 5, 5, 'recovering'],
    ['recovering', quiet, 10, 10, 'resolved'],
    ['resolved', quiet, 10, 10, 'resolved'],
    ['resolved', quiet, 30, 30, 'normal'],
    ['resolved', high, 5, 5, 'suspected'],
    ['resolved', flood, 5, 5, 'outage'],
  ] as const)('from %s with %j after %i min (last high %i min ago) goes to %s', (phase, e, sinceMin, highMin, to) => {
    expect(nextPhase(from(phase, sinceMin, highMin), e, T0, t).phase).toBe(to);
  });

  it('returns the same object when nothing changes, so the caller can skip a write', () => {
    const s = from('normal', 60, 60);
    expect(nextPhase(s, quiet, T0, t)).toBe(s);
  });

  it('stamps the time of a phase change and of the last high score', () => {
    expect(nextPhase(from('normal', 60, 60), high, T0, t)).toEqual({ phase: 'suspected', since: T0, lastHighAt: T0 });
    expect(nextPhase(from('suspected', 5, 1), high, T0, t)).toEqual({ phase: 'suspected', since: T0 - 5 * minute, lastHighAt: T0 });
  });
});
