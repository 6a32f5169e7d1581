import type { CatalogueEntry } from '@outage-radar/shared';
import type { Db } from '../connection';

export type ServiceRow = Omit<CatalogueEntry, 'website'> & { website: string | null };

/** Inserts or updates every catalogue entry (the seed); safe to run again. */
export async function upsertServices(db: Db, entries: CatalogueEntry[]): Promise<number> {
  for (const entry of entries) {
    const data = {
      name: entry.name,
      localNames: entry.localNames,
      aliases: entry.aliases,
      category: entry.category,
      owner: entry.owner,
      countries: entry.countries,
      problems: entry.problems,
      website: entry.website ?? null,
    };
    await db.service.upsert({ where: { slug: entry.slug }, create: { slug: entry.slug, ...data }, update: data });
  }
  return entries.length;
}

export async function listServices(db: Db): Promise<ServiceRow[]> {
  const rows = await db.service.findMany({ orderBy: { name: 'asc' } });
  return rows.map(toServiceRow);
}

export async function findService(db: Db, slug: string): Promise<ServiceRow | null> {
  const row = await db.service.findUnique({ where: { slug } });
  return row ? toServiceRow(row) : null;
}

function toServiceRow(row: {
  slug: string;
  name: string;
  localNames: unknown;
  aliases: string[];
  category: string;
  owner: string;
  countries: string[];
  problems: string[];
  website: string | null;
}): ServiceRow {
  return {
    slug: row.slug,
    name: row.name,
    localNames: row.localNames as ServiceRow['localNames'],
    aliases: row.aliases,
    category: row.category as ServiceRow['category'],
    owner: row.owner,
    countries: row.countries,
    problems: row.problems as ServiceRow['problems'],
    website: row.website,
  };
}
