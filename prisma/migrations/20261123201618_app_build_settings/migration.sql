-- AlterTable
ALTER TABLE "App" ADD COLUMN     "buildSettings" JSONB NOT NULL DEFAULT '{}';
