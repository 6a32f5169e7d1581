import { defineConfig } from 'prisma/config';

// The CLI reads the URL from here; the running apps pass it to the pg adapter themselves.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx --conditions=source prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/outage_radar' },
});
