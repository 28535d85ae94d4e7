// Intake under an experiment (issue 28): a second version of the bench playbook and a running experiment
// between the two, so that every case opened meanwhile is assigned an arm; stopped afterwards.
import { type BenchStack, BENCH_PLAYBOOK, postJson } from './stack';

export async function startBenchExperiment(stack: BenchStack): Promise<{ stop(): Promise<void> }> {
  const v1 = await stack.db.playbookVersion.findFirstOrThrow({
    where: { playbookId: BENCH_PLAYBOOK, version: 1 },
  });
  await stack.db.playbookVersion.upsert({
    where: { playbookId_version: { playbookId: BENCH_PLAYBOOK, version: 2 } },
    create: { playbookId: BENCH_PLAYBOOK, version: 2, name: v1.name, definition: v1.definition as object },
    update: {},
  });
  const res = await postJson(
    stack,
    `/v1/playbooks/${BENCH_PLAYBOOK}/experiments`,
    {
      arms: [
        { version: 1, weight: 50, control: true },
        { version: 2, weight: 50 },
      ],
      minSamplePerArm: 100,
    },
    stack.keys.supervisor,
  );
  if (res.status !== 201) throw new Error(`starting the bench experiment: ${res.status} ${res.body}`);
  const { id } = JSON.parse(res.body) as { id: string };
  return {
    async stop() {
      const stopped = await postJson(stack, `/v1/experiments/${id}/stop`, {}, stack.keys.supervisor);
      if (stopped.status !== 200) throw new Error(`stopping the bench experiment: ${stopped.status} ${stopped.body}`);
    },
  };
}
