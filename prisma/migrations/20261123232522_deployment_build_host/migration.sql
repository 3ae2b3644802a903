-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "buildHost" TEXT;

-- CreateIndex
CREATE INDEX "Deployment_status_buildHost_idx" ON "Deployment"("status", "buildHost");
