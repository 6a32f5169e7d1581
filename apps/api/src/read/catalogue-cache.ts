import { findService, listServices, type Db, type ServiceRow } from '@outage-radar/db';

/** After a failed reload, how long the catalogue in hand is served before PostgreSQL is asked again (ms). */
const retryAfterFailureMs = 5_000;

/**
 * The catalogue changes rarely and is read on every report, so it is kept in memory and reloaded
 * every `ttlMs`; an unknown slug is looked up in the database before it is refused. While
 * PostgreSQL is away the catalogue in hand is kept: reports go to the queue, not to PostgreSQL, so
 * intake goes on and the worker stores them once the database is back.
 */
export function createCatalogueCache(db: Db, ttlMs = 30_000, now: () => number = Date.now) {
  let bySlug = new Map<string, ServiceRow>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;

  async function reload(): Promise<void> {
    try {
      const rows = await listServices(db);
      bySlug = new Map(rows.map((r) => [r.slug, r]));
      loadedAt = now();
    } catch (err) {
      if (bySlug.size === 0) throw err;
      loadedAt = now() - ttlMs + retryAfterFailureMs;
    }
  }
  async function fresh(): Promise<void> {
    if (now() - loadedAt < ttlMs) return;
    loading ??= reload().finally(() => {
      loading = null;
    });
    await loading;
  }
  return {
    async all(): Promise<ServiceRow[]> {
      await fresh();
      return [...bySlug.values()];
    },
    async get(slug: string): Promise<ServiceRow | null> {
      await fresh();
      const hit = bySlug.get(slug);
      if (hit) return hit;
      const row = await findService(db, slug);
      if (row) bySlug.set(slug, row);
      return row;
    },
  };
}
export type CatalogueCache = ReturnType<typeof createCatalogueCache>;
