import type { ServiceStatus } from '@outage-radar/shared';
import type { SeriesPhase } from './series-state';

/**
 * What people see for a phase: outage → problems; suspected and recovering (reports falling back,
 * outage still held open) → possible; normal and resolved → ok.
 */
export function toServiceStatus(phase: SeriesPhase): ServiceStatus {
  switch (phase) {
    case 'outage':
      return 'problems';
    case 'suspected':
    case 'recovering':
      return 'possible';
    case 'normal':
    case 'resolved':
      return 'ok';
  }
}
