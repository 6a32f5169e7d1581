-- CreateTable
CREATE TABLE "services" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "local_names" JSONB NOT NULL,
    "aliases" TEXT[],
    "category" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "countries" TEXT[],
    "problems" TEXT[],
    "website" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" UUID NOT NULL,
    "service_slug" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "cell" TEXT,
    "country" CHAR(2),
    "city" TEXT,
    "asn" INTEGER,
    "place_source" TEXT NOT NULL,
    "comment" TEXT,
    "client_hash" TEXT,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "stored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bucket_counts" (
    "service_slug" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(0) NOT NULL,
    "scope" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "bucket_counts_pkey" PRIMARY KEY ("service_slug","bucket_start","scope")
);

-- CreateTable
CREATE TABLE "outages" (
    "id" UUID NOT NULL,
    "service_slug" TEXT NOT NULL,
    "region_key" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "peak_at" TIMESTAMPTZ(3) NOT NULL,
    "peak_count" INTEGER NOT NULL,
    "peak_ratio" DOUBLE PRECISION NOT NULL,
    "problem_mix" JSONB NOT NULL,
    "regions" JSONB NOT NULL,
    "clusters" JSONB NOT NULL,
    "incident_id" UUID,

    CONSTRAINT "outages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "owner" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "services_owner_idx" ON "services"("owner");

-- CreateIndex
CREATE INDEX "reports_service_slug_reported_at_idx" ON "reports"("service_slug", "reported_at");

-- CreateIndex
CREATE INDEX "reports_reported_at_idx" ON "reports"("reported_at");

-- CreateIndex
CREATE INDEX "bucket_counts_bucket_start_idx" ON "bucket_counts"("bucket_start");

-- CreateIndex
CREATE INDEX "outages_service_slug_started_at_idx" ON "outages"("service_slug", "started_at");

-- CreateIndex
CREATE INDEX "outages_resolved_at_idx" ON "outages"("resolved_at");

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_service_slug_fkey" FOREIGN KEY ("service_slug") REFERENCES "services"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outages" ADD CONSTRAINT "outages_service_slug_fkey" FOREIGN KEY ("service_slug") REFERENCES "services"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outages" ADD CONSTRAINT "outages_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
