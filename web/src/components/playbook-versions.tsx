// A playbook's versions, newest last with the current one marked, and the chosen version's settings in words; an
// admin with no draft open may start one from any version.
import { dateTime } from '../format';
import { flatten, label } from '../playbook-fields';
import type { PlaybookVersion } from '../contract';

function Settings({ definition }: { definition: unknown }) {
  return (
    <table class="settings">
      <tbody>
        {flatten(definition).map((r) => (
          <tr key={r.field}>
            <th>{label(r.field)}</th>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Props {
  versions: PlaybookVersion[];
  current: PlaybookVersion | undefined;
  selected: PlaybookVersion | undefined;
  onShow: (version: number) => void;
  // Given when a draft may be started (an admin, no draft open).
  onStartDraft: ((fromVersion: number) => void) | undefined;
}

export function PlaybookVersions({ versions, current, selected, onShow, onStartDraft }: Props) {
  return (
    <div class="panel">
      <h3>Versions</h3>
      <ul class="plain versions">
        {versions.map((v) => (
          <li key={v.version}>
            <button type="button" class="link" onClick={() => onShow(v.version)}>
              Version {v.version}
            </button>{' '}
            {v === current && <span class="stage">current</span>} <span class="muted">{dateTime(v.createdAt)}</span>
            {onStartDraft && (
              <button type="button" onClick={() => onStartDraft(v.version)}>
                Start a draft from v{v.version}
              </button>
            )}
          </li>
        ))}
      </ul>
      {selected && (
        <>
          <h3>Version {selected.version} settings</h3>
          <Settings definition={selected.definition} />
        </>
      )}
    </div>
  );
}
