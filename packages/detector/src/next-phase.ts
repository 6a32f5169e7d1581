import type { PhaseState } from './series-state';

/** What the phase machine needs to know about the counts at this tick. */
export interface PhaseEvidence {
  /** Surprise 0..1 over all windows and the CUSUM. */
  score: number;
  /** Past warm-up: before it the baseline is a guess, and nothing is suspected or opened. */
  warm: boolean;
  /** Enough excess reports that an outage could be told apart from chance. */
  ready: boolean;
  /** Beyond anything a benign burst produces: may open at once. */
  flood: boolean;
  /** Still in excess after the first burstMs: may open. */
  sustained: boolean;
  /** In excess in the windows up to holdMs: the excess is there now (needed to open). */
  holding: boolean;
  /** The newest buckets are back at the baseline: an outage moves to recovering. */
  returned: boolean;
  /** The newest bucket or two are in excess again: a recovering outage goes back to outage. */
  relapse: boolean;
  /** Without an outage: the newest buckets are clearly back at the baseline, so a suspicion ends now. */
  back?: boolean;
}

export interface Thresholds {
  suspectAt: number;
  openAt: number;
  quietMs: number;
  resolveAfterMs: number;
  cooldownMs: number;
}

/**
 * The outage state machine: normal → suspected → outage ⇄ recovering → resolved → normal.
 * Times in ms. Returns `current` itself when nothing changes.
 */
export function nextPhase(current: PhaseState, e: PhaseEvidence, at: number, t: Thresholds): PhaseState {
  const high = e.warm && e.score >= t.suspectAt;
  const lastHighAt = high ? at : current.lastHighAt;
  const canOpen = e.warm && e.ready && e.score >= t.openAt && (e.flood || e.sustained);
  let phase = current.phase;
  switch (current.phase) {
    case 'normal':
    case 'resolved':
      if (canOpen) phase = 'outage';
      else if (high) phase = 'suspected';
      else if (current.phase === 'resolved' && at - current.since >= t.cooldownMs) phase = 'normal';
      break;
    case 'suspected':
      if (canOpen) phase = 'outage';
      // A quiet spell of quietMs, not one low tick, ends a suspicion: the score flickers at small
      // counts. Counts clearly back at the baseline end it at once.
      else if (!high && (e.back === true || at - lastHighAt >= t.quietMs)) phase = 'normal';
      break;
    case 'outage':
      if (e.returned) phase = 'recovering';
      break;
    case 'recovering':
      // Hysteresis: excess coming back within resolveAfterMs continues the same outage.
      if (e.relapse && !e.returned) phase = 'outage';
      else if (at - current.since >= t.resolveAfterMs) phase = 'resolved';
      break;
  }
  if (phase !== current.phase) return { phase, since: at, lastHighAt };
  return lastHighAt === current.lastHighAt ? current : { ...current, lastHighAt };
}
