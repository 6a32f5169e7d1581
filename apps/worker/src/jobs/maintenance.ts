import { deleteReportsBefore, rollUpMinutesBefore, type Db } from '@outage-radar/db';
import type { Logger } from '../logger';

const dayMs = 86_400_000;

/**
 * Keeps the database to size: reports (with their comments) are deleted after `reportRetentionDays`,
 * and per-minute history older than `minuteHistoryDays` is folded into hours.
 */
export function createMaintenance(deps: { db: Db; log: Logger; reportRetentionDays: number; minuteHistoryDays: number }) {
  return async function maintenance(at: number): Promise<{ reportsDeleted: number; minutesFolded: number }> {
    const reportsDeleted = await deleteReportsBefore(deps.db, new Date(at - deps.reportRetentionDays * dayMs));
    const minutesFolded = await rollUpMinutesBefore(deps.db, new Date(at - deps.minuteHistoryDays * dayMs));
    if (reportsDeleted > 0 || minutesFolded > 0) deps.log.info({ reportsDeleted, minutesFolded }, 'maintenance done');
    return { reportsDeleted, minutesFolded };
  };
}
