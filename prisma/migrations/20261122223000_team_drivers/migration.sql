-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "drivers" TEXT[] DEFAULT ARRAY[]::TEXT[];
