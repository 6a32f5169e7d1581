// The rule lives in the shared package, so the detector, the API and the pages say the same thing.
export { toServiceStatus } from '@outage-radar/shared';
