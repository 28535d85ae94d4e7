-- AlterTable
ALTER TABLE "offers" ADD COLUMN     "volume_cap" INTEGER;
