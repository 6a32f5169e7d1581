import type { OutagePhase, ServiceStatus } from './views';

/**
 * What people are shown for a phase, the one rule every page, badge and event uses: an outage is
 * `problems`; suspected and recovering are `possible`; normal, resolved or no outage at all is `ok`.
 * Recovering is only "possible": reports are back near normal, but the outage is held open in case
 * they come back, and saying "problems" then would keep a service red after it is working again.
 */
export function toServiceStatus(phase: OutagePhase | 'normal' | null | undefined): ServiceStatus {
  switch (phase) {
    case 'outage':
      return 'problems';
    case 'suspected':
    case 'recovering':
      return 'possible';
    case 'normal':
    case 'resolved':
    case null:
    case undefined:
      return 'ok';
  }
}
