import type { OutageView } from '@outage-radar/shared';

/**
 * The history as fetched, with the service's current outage as the service detail has it now. The
 * history is fetched when an outage opens or closes, while the detail follows every update: without
 * this, an ongoing outage kept the peak it had in its first minute.
 */
export function mergeCurrentOutage(history: readonly OutageView[], current: OutageView | null): OutageView[] {
  return history.map((outage) => (current && outage.id === current.id ? current : outage));
}
