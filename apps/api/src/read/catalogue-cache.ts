import { findService, listServices, type Db, type ServiceRow } from '@outage-radar/db';

/**
 * The catalogue changes rarely and is read on every report, so it is kept in memory and reloaded
 * every `ttlMs`; an unknown slug is looked up in the database before it is refused.
 */
export function createCatalogueCache(db: Db, ttlMs = 30_000, now: () => number = Date.now) {
  let bySlug = new Map<string, ServiceRow>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;

  async function reload(): Promise<void> {
    const rows = await listServices(db);
    bySlug = new Map(rows.map((r) => [r.slug, r]));
    loadedAt = now();
  }
  async function fresh(): Promise<void> {
    if (now() - loadedAt < ttlMs) return;
    loading ??= reload().finally(() => { loading = null; });
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
