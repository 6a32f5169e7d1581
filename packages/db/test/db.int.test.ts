import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import {
  applyMigrations,
  bucketCounts,
  createDb,
  deleteReportsBefore,
  createTempSchema,
  findService,
  getOrCreateSetting,
  insertReports,
  listServices,
  rollUpMinutesBefore,
  scopeTotals,
  topPlaces,
  upsertServices,
  type Db,
  type NewReport,
} from '@outage-radar/db';
import type { CatalogueEntry } from '@outage-radar/shared';

const url = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const migrationsDir = join(__dirname, '../../../prisma/migrations');

const service: CatalogueEntry = {
  slug: `svc-${randomUUID().slice(0, 8)}`,
  name: 'Test Chat',
  localNames: { bn: 'টেস্ট চ্যাট', hi: 'टेस्ट चैट', ar: 'تيست شات' },
  aliases: ['tchat'],
  category: 'messaging',
  owner: 'Test Co',
  countries: ['IN'],
  problems: ['messages', 'login'],
};

function report(overrides: Partial<NewReport> = {}): NewReport {
  return {
    id: randomUUID(),
    serviceSlug: service.slug,
    problem: 'messages',
    cell: '85618923fffffff',
    country: 'IN',
    city: 'Mumbai',
    asn: 55836,
    placeSource: 'ip',
    comment: null,
    clientHash: 'abc',
    reportedAt: new Date('2026-01-05T10:15:30Z'),
    ...overrides,
  };
}

describe('database layer', () => {
  let schema: string;
  let drop: () => Promise<void>;
  let db: Db;

  beforeAll(async () => {
    ({ schema, drop } = await createTempSchema({ url, migrationsDir }));
    db = createDb({ url, schema, maxConnections: 4 });
    await upsertServices(db, [service]);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it('records migrations as prisma migrate does and applies nothing twice', async () => {
    const again = await applyMigrations({ url, schema, dir: migrationsDir });
    expect(again.applied).toEqual([]);
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    const rows = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations');
    await client.end();
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('round-trips a service', async () => {
    expect(await findService(db, service.slug)).toEqual({ ...service, website: null });
    expect((await listServices(db)).map((s) => s.slug)).toContain(service.slug);
  });

  it('round-trips a report and counts it in every scope of its minute', async () => {
    const r = report();
    expect(await insertReports(db, [r])).toHaveLength(1);
    expect(await db.report.findUnique({ where: { id: r.id } })).toMatchObject({ ...r, storedAt: expect.any(Date) });
    const buckets = await bucketCounts(db, {
      serviceSlug: service.slug,
      from: new Date('2026-01-05T10:15:00Z'),
      to: new Date('2026-01-05T10:16:00Z'),
      scopes: ['all', 'p:messages', 'cc:IN', 'cell:85618923fffffff', 'asn:55836'],
    });
    expect(buckets.map((b) => [b.scope, b.count]).sort()).toEqual([
      ['all', 1],
      ['asn:55836', 1],
      ['cc:IN', 1],
      ['cell:85618923fffffff', 1],
      ['p:messages', 1],
    ]);
  });

  it('is idempotent on the report id: a batch delivered twice counts once', async () => {
    const at = new Date('2026-01-06T08:00:10Z');
    const minute = new Date('2026-01-06T08:00:00Z');
    const batch = [report({ reportedAt: at }), report({ reportedAt: at, problem: 'login' }), report({ reportedAt: at, problem: 'working' })];
    expect(await insertReports(db, batch)).toHaveLength(3);
    expect(await insertReports(db, [...batch, report({ reportedAt: at })])).toHaveLength(1);
    const totals = await scopeTotals(db, { serviceSlug: service.slug, from: minute, to: new Date(minute.getTime() + 60_000), prefix: '' });
    expect(Object.fromEntries(totals.map((t) => [t.scope, t.count]))).toMatchObject({ all: 3, working: 1, 'p:messages': 2, 'p:login': 1 });
  });

  it('ranks the places with most problem reports', async () => {
    const since = new Date('2026-01-07T00:00:00Z');
    await insertReports(db, [
      report({ reportedAt: since, city: 'Dhaka', country: 'BD' }),
      report({ reportedAt: since, city: 'Dhaka', country: 'BD' }),
      report({ reportedAt: since, city: 'Delhi', country: 'IN' }),
      report({ reportedAt: since, city: 'Delhi', country: 'IN', problem: 'working' }),
    ]);
    expect(await topPlaces(db, { serviceSlug: service.slug, since, limit: 5 })).toEqual([
      { city: 'Dhaka', country: 'BD', count: 2 },
      { city: 'Delhi', country: 'IN', count: 1 },
    ]);
  });

  it('folds old minutes into hours and keeps every report counted', async () => {
    const slug = service.slug;
    const old = [new Date('2025-01-01T10:05:00Z'), new Date('2025-01-01T10:59:00Z'), new Date('2025-01-01T10:00:00Z')];
    await db.bucketCount.createMany({ data: old.map((bucketStart, i) => ({ serviceSlug: slug, bucketStart, scope: 'all', count: i + 1 })) });
    await db.bucketCount.create({ data: { serviceSlug: slug, bucketStart: new Date('2025-03-01T10:05:00Z'), scope: 'all', count: 7 } });
    expect(await rollUpMinutesBefore(db, new Date('2025-02-01T00:00:00Z'))).toBe(2);
    const rows = await db.bucketCount.findMany({
      where: { serviceSlug: slug, bucketStart: { lt: new Date('2025-06-01T00:00:00Z') } },
      orderBy: { bucketStart: 'asc' },
    });
    expect(rows.map((r) => [r.bucketStart.toISOString(), r.count])).toEqual([
      ['2025-01-01T10:00:00.000Z', 6],
      ['2025-03-01T10:05:00.000Z', 7],
    ]);
  });

  it('deletes reports past retention but keeps their counts', async () => {
    const old = report({ reportedAt: new Date('2024-05-01T12:00:00Z'), comment: 'private words' });
    await insertReports(db, [old]);
    expect(await deleteReportsBefore(db, new Date('2024-06-01T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await db.report.findUnique({ where: { id: old.id } })).toBeNull();
    const kept = await db.bucketCount.findUnique({
      where: { serviceSlug_bucketStart_scope: { serviceSlug: service.slug, bucketStart: new Date('2024-05-01T12:00:00Z'), scope: 'all' } },
    });
    expect(kept?.count).toBe(1);
  });

  it('keeps the first generated setting', async () => {
    const first = await getOrCreateSetting(db, 'salt', () => 'one');
    expect(await getOrCreateSetting(db, 'salt', () => 'two')).toBe(first);
  });

  it('round-trips an outage in an incident', async () => {
    const incident = await db.incident.create({ data: { id: randomUUID(), name: 'Test Co services', owner: 'Test Co', startedAt: new Date() } });
    const data = {
      id: randomUUID(),
      serviceSlug: service.slug,
      regionKey: 'cc:IN',
      phase: 'outage',
      startedAt: new Date('2026-01-05T10:00:00Z'),
      detectedAt: new Date('2026-01-05T10:01:00Z'),
      updatedAt: new Date('2026-01-05T10:02:00Z'),
      resolvedAt: null,
      peakAt: new Date('2026-01-05T10:02:00Z'),
      peakCount: 40,
      peakRatio: 12.5,
      problemMix: [{ problem: 'messages', count: 30, percent: 75 }],
      regions: ['IN'],
      clusters: [{ cell: '85618923fffffff', count: 10 }],
      incidentId: incident.id,
    };
    await db.outage.create({ data });
    expect(await db.outage.findUnique({ where: { id: data.id }, include: { incident: true } })).toEqual({ ...data, incident });
  });
});
