-- Experiments between playbook versions (issue 28): the experiments, their arms, the arm each case was
-- given at intake, and the version a promotion made current.

-- CreateTable
CREATE TABLE "playbook_experiments" (
    "id" TEXT NOT NULL,
    "playbook_id" TEXT NOT NULL,
    "active_playbook_id" TEXT,
    "status" TEXT NOT NULL,
    "min_sample_per_arm" INTEGER NOT NULL,
    "promoted_arm" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMPTZ(3),

    CONSTRAINT "playbook_experiments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experiment_arms" (
    "experiment_id" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL,
    "control" BOOLEAN NOT NULL,

    CONSTRAINT "experiment_arms_pkey" PRIMARY KEY ("experiment_id","arm")
);

-- CreateTable
CREATE TABLE "case_experiment_arms" (
    "case_id" TEXT NOT NULL,
    "experiment_id" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_experiment_arms_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "playbook_current_versions" (
    "playbook_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "playbook_current_versions_pkey" PRIMARY KEY ("playbook_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "playbook_experiments_active_playbook_id_key" ON "playbook_experiments"("active_playbook_id");

-- CreateIndex
CREATE INDEX "playbook_experiments_playbook_id_idx" ON "playbook_experiments"("playbook_id");

-- CreateIndex
CREATE INDEX "case_experiment_arms_experiment_id_arm_idx" ON "case_experiment_arms"("experiment_id", "arm");

-- AddForeignKey
ALTER TABLE "experiment_arms" ADD CONSTRAINT "experiment_arms_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "playbook_experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
