import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  DuplicateReportError,
  ServiceNotFoundError,
  UnknownProblemError,
  workingKey,
  type FilterReason,
  type RedisKeys,
  type ReportInput,
  type ReportJob,
} from '@outage-radar/shared';
import type { CatalogueCache } from '../read/catalogue-cache';
import type { AsnTable } from './asn-table';
import type { ClientKeys } from './client-keys';
import { locate } from './locate';
import { toNetworkPrefixes } from './network-prefixes';
import { enqueueReport, type ReportQueue } from './report-queue';
import { defaultFloodRules, screenReport, type FloodRules } from './screen-report';

export interface IntakeDeps {
  catalogue: CatalogueCache;
  queue: ReportQueue;
  redis: Redis;
  keys: RedisKeys;
  clientKeys: ClientKeys;
  windowSeconds: number;
  floodRules?: FloodRules;
  /** The network table once it has loaded (it loads in the background at start-up). */
  networks?: () => AsnTable | null;
  /** Told when a report is stored but discounted; `firstInWindow` is true once per prefix, service and window. */
  onFiltered?: (event: { service: string; reason: FilterReason; network: string | null; firstInWindow: boolean }) => void;
  now?: () => number;
}

/** What the API knows of the sender of a report. */
export interface ReportClient {
  ip: string | undefined;
  /** The first-party id token the API gave this browser earlier (a cookie), if any. */
  reporterToken?: string | undefined;
  userAgent?: string | undefined;
}

export interface Accepted {
  id: string;
  /** A new first-party id token for the client to keep, when it had no valid one. */
  issuedToken: string | null;
  /** False when the report is stored but left out of what the detector sees. */
  counted: boolean;
}

/** Turns a valid report body into a queued job: checks it against the catalogue, places it, applies abuse rules. */
export function createIntake(deps: IntakeDeps) {
  const now = deps.now ?? Date.now;
  const rules = deps.floodRules ?? defaultFloodRules;
  const { clientKeys } = deps;

  /** Who this is, as keys: a repeat is recognised by the first-party id, or by the address when there is none. */
  function personOf(client: ReportClient, at: number) {
    const prefixes = toNetworkPrefixes(client.ip);
    const knownId = clientKeys.verify(client.reporterToken);
    if (knownId) {
      return {
        prefixes,
        issuedToken: null,
        newCount: 1,
        personHashes: [clientKeys.hash('person-id', knownId, at), clientKeys.previousHash('person-id', knownId, at)],
      };
    }
    // A client without an id gets one now; until it sends it back, its address stands for it.
    const newId = randomUUID();
    const byAddress = prefixes
      ? [clientKeys.hash('person-address', prefixes.subscriber, at), clientKeys.previousHash('person-address', prefixes.subscriber, at)]
      : [];
    const hashes = [clientKeys.hash('person-id', newId, at), ...byAddress];
    return { prefixes, issuedToken: clientKeys.sign(newId), newCount: Math.min(hashes.length, 2), personHashes: hashes };
  }

  return {
    async accept(input: ReportInput, client: ReportClient): Promise<Accepted> {
      const service = await deps.catalogue.get(input.service);
      if (!service) throw new ServiceNotFoundError(input.service);
      if (input.problem !== workingKey && !service.problems.includes(input.problem as never)) {
        throw new UnknownProblemError(service.slug, input.problem, [...service.problems, workingKey]);
      }
      const at = now();
      const person = personOf(client, at);
      const kind = input.problem === workingKey ? 'working' : 'problem';
      const screened = await screenReport(deps.redis, deps.keys, {
        slug: service.slug,
        kind,
        personHashes: person.personHashes,
        newCount: person.newCount,
        prefixHash: person.prefixes ? clientKeys.hash('prefix', person.prefixes.network, at) : null,
        agentHash: clientKeys.hash('agent', client.userAgent ?? '(none)', at),
        at,
        windowSeconds: deps.windowSeconds,
        rules,
      });
      if (screened.verdict === 'duplicate') throw new DuplicateReportError(service.slug, deps.windowSeconds);
      const filtered = screened.verdict === 'counted' ? null : screened.verdict;
      const job: ReportJob = {
        id: randomUUID(),
        service: service.slug,
        problem: input.problem,
        reportedAt: at,
        ...locate(input.location, client.ip),
        // The network (mobile operator, ISP), so an outage of one carrier shows as such.
        asn: deps.networks?.()?.lookup(client.ip)?.asn ?? null,
        comment: input.comment && input.comment.length > 0 ? input.comment : null,
        // Its own purpose, so a stored hash can't be matched with a Redis key.
        clientHash: person.prefixes ? clientKeys.hash('stored', person.prefixes.subscriber, at) : null,
        filtered,
      };
      try {
        await enqueueReport(deps.queue, job);
      } catch (err) {
        await screened.release().catch(() => undefined);
        throw err;
      }
      if (filtered) {
        const firstInWindow = filtered === 'prefix-flood' && screened.fromPrefix === rules.reportsPerPrefix + 1;
        deps.onFiltered?.({ service: service.slug, reason: filtered, network: person.prefixes?.network ?? null, firstInWindow });
      }
      return { id: job.id, issuedToken: person.issuedToken, counted: filtered === null };
    },
  };
}
export type Intake = ReturnType<typeof createIntake>;
