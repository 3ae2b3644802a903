-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "buildPlan" JSONB;

-- AlterTable
ALTER TABLE "Release" ADD COLUMN     "processTypes" JSONB NOT NULL DEFAULT '{}';
