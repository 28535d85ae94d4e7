// A case's timeline: each event as a sentence, its raw data one click away (Details) as key: value lines
// for whoever needs the exact values.
import { detailLines } from '../event-details';
import { dateTime } from '../format';
import type { TimelineNames } from '../timeline-phrases';
import { timelineSentence } from '../timeline-sentences';
import type { CaseDetail, Team, TimelineEvent } from '../contract';

// Agents' and teams' names for the sentences: every team this key may list, and the case's own team and
// agent (an agent's key lists only its team).
export function timelineNames(teams: Team[], c: CaseDetail): TimelineNames {
  const names: TimelineNames = { agents: {}, teams: {} };
  for (const t of teams) {
    names.teams[t.id] = t.name;
    for (const a of t.agents) names.agents[a.id] = a.name;
  }
  if (c.team) names.teams[c.team.id] ??= c.team.name;
  if (c.assignee) names.agents[c.assignee.id] ??= c.assignee.name;
  return names;
}

function EventDetails({ data }: { data: Record<string, unknown> }) {
  const lines = detailLines(data);
  if (lines.length === 0) return null;
  return (
    <details>
      <summary>Details</summary>
      <ul class="event-details">
        {lines.map((l) => (
          <li key={l.key}>
            <span class="muted">{l.key}:</span> {l.value}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Timeline({ events, names }: { events: TimelineEvent[]; names: TimelineNames }) {
  const ctx = { names, time: dateTime };
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li key={e.seq} data-event-type={e.type}>
          <time>{dateTime(e.at)}</time> <span class="sentence">{timelineSentence(e, ctx)}</span>
          <EventDetails data={e.data} />
        </li>
      ))}
    </ol>
  );
}
