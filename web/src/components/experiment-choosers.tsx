// The experiments page's choices: which playbook (a route of its own), which of its experiments, and which team's
// funnel to show.
import type { Experiment } from '../contract';

type Named = { id: string; name: string };

interface Props {
  playbooks: Named[];
  chosen: string | undefined;
  onPlaybook: (id: string) => void;
  experiments: Experiment[];
  current: string | undefined;
  onExperiment: (id: string) => void;
  teams: Named[];
  teamId: string;
  onTeam: (id: string) => void;
}

// An experiment as the list names it: when it started, its status, and each arm's version and weight.
const experimentLabel = (x: Experiment) =>
  `${x.createdAt.slice(0, 10)} · ${x.status} · ${x.arms.map((a) => `${a.arm}=v${a.version} ${a.weight}%`).join(', ')}`;

export function ExperimentChoosers(p: Props) {
  return (
    <form class="filters" onSubmit={(ev) => ev.preventDefault()}>
      <label>
        Playbook
        <select name="playbook" value={p.chosen} onChange={(ev) => p.onPlaybook(ev.currentTarget.value)}>
          {p.playbooks.map((pb) => (
            <option key={pb.id} value={pb.id}>
              {pb.name} ({pb.id})
            </option>
          ))}
        </select>
      </label>
      <label>
        Experiment
        <select name="experiment" value={p.current} onChange={(ev) => p.onExperiment(ev.currentTarget.value)}>
          {p.experiments.map((x) => (
            <option key={x.id} value={x.id}>
              {experimentLabel(x)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Team (funnel)
        <select name="team" value={p.teamId} onChange={(ev) => p.onTeam(ev.currentTarget.value)}>
          <option value="">every team</option>
          {p.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
