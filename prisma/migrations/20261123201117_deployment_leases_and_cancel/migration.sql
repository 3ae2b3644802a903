-- AlterEnum
ALTER TYPE "AuditInterface" ADD VALUE 'platform';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DeploymentStatus" ADD VALUE 'queued';
ALTER TYPE "DeploymentStatus" ADD VALUE 'cancelled';

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" TEXT,
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "queuePrefix" TEXT NOT NULL DEFAULT 'berth',
ADD COLUMN     "recoveries" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stepDeadlineAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Deployment_status_leaseExpiresAt_idx" ON "Deployment"("status", "leaseExpiresAt");
