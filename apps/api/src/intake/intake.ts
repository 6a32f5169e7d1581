import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  DuplicateReportError, ServiceNotFoundError, UnknownProblemError, workingKey,
  type RedisKeys, type ReportInput, type ReportJob,
} from '@outage-radar/shared';
import type { CatalogueCache } from '../read/catalogue-cache';
import type { AsnTable } from './asn-table';
import { claimReportSlot, releaseReportSlot } from './claim-report-slot';
import { hashClient } from './client-hash';
import { locate } from './locate';
import { enqueueReport, type ReportQueue } from './report-queue';

export interface IntakeDeps {
  catalogue: CatalogueCache;
  queue: ReportQueue;
  redis: Redis;
  keys: RedisKeys;
  salt: string;
  windowSeconds: number;
  /** The network table once it has loaded (it loads in the background at start-up). */
  networks?: () => AsnTable | null;
  now?: () => number;
}

/** Turns a valid report body into a queued job: checks it against the catalogue, places it, applies abuse rules. */
export function createIntake(deps: IntakeDeps) {
  const now = deps.now ?? Date.now;
  return {
    async accept(input: ReportInput, client: { ip: string | undefined }): Promise<{ id: string }> {
      const service = await deps.catalogue.get(input.service);
      if (!service) throw new ServiceNotFoundError(input.service);
      if (input.problem !== workingKey && !service.problems.includes(input.problem as never)) {
        throw new UnknownProblemError(service.slug, input.problem, [...service.problems, workingKey]);
      }
      const place = locate(input.location, client.ip);
      const clientHash = hashClient(deps.salt, client.ip);
      const claim = { slug: service.slug, clientHash, kind: input.problem === workingKey ? 'working' : 'problem', windowSeconds: deps.windowSeconds } as const;
      if (!(await claimReportSlot(deps.redis, deps.keys, claim))) throw new DuplicateReportError(service.slug, deps.windowSeconds);
      const job: ReportJob = {
        id: randomUUID(),
        service: service.slug,
        problem: input.problem,
        reportedAt: now(),
        ...place,
        // The network (mobile operator, ISP), so an outage of one carrier shows as such.
        asn: deps.networks?.()?.lookup(client.ip)?.asn ?? null,
        comment: input.comment && input.comment.length > 0 ? input.comment : null,
        clientHash,
      };
      try {
        await enqueueReport(deps.queue, job);
      } catch (err) {
        await releaseReportSlot(deps.redis, deps.keys, claim).catch(() => undefined);
        throw err;
      }
      return { id: job.id };
    },
  };
}
export type Intake = ReturnType<typeof createIntake>;
