-- The client-hash secret no longer lives beside the data it protects: it comes from the
-- environment or a file outside the database (apps/api/src/intake/client-secret.ts).
DELETE FROM "app_settings" WHERE "key" = 'ip_hash_salt';
-- Hashes made with that stored secret could be reversed by anyone holding a copy of the database.
UPDATE "reports" SET "client_hash" = NULL WHERE "client_hash" IS NOT NULL;

-- Why a report was stored but left out of what the detector sees (null: it counts).
ALTER TABLE "reports" ADD COLUMN "filter_reason" TEXT;
