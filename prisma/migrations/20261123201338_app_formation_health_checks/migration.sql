-- AlterTable
ALTER TABLE "App" ADD COLUMN     "crashReason" TEXT,
ADD COLUMN     "crashedAt" TIMESTAMP(3),
ADD COLUMN     "stoppedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Formation" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "cpu" DOUBLE PRECISION,
    "memoryMb" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Formation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthCheck" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "path" TEXT,
    "expectedStatus" INTEGER NOT NULL DEFAULT 200,
    "bodyContains" TEXT,
    "startPeriodSec" INTEGER NOT NULL DEFAULT 20,
    "intervalSec" INTEGER NOT NULL DEFAULT 3,
    "timeoutSec" INTEGER NOT NULL DEFAULT 3,
    "retries" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HealthCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Formation_appId_type_key" ON "Formation"("appId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "HealthCheck_appId_type_key" ON "HealthCheck"("appId", "type");

-- AddForeignKey
ALTER TABLE "Formation" ADD CONSTRAINT "Formation_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCheck" ADD CONSTRAINT "HealthCheck_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
