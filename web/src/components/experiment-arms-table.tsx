// The arms of an experiment being set up, one row each: its letter, the playbook version it runs, its weight and
// whether it is the control.
export interface ArmDraft {
  version: number;
  weight: number;
}

interface RowProps {
  index: number;
  arm: ArmDraft;
  versions: number[];
  control: boolean;
  onChange: (change: Partial<ArmDraft>) => void;
  onControl: () => void;
}

function ArmRow({ index: i, arm, versions, control, onChange, onControl }: RowProps) {
  const letter = 'ABCD'[i];
  return (
    <tr>
      <td>{letter}</td>
      <td>
        <select
          name={`arm-${i}-version`}
          aria-label={`Arm ${letter} version`}
          value={String(arm.version)}
          onChange={(e) => onChange({ version: Number(e.currentTarget.value) })}
        >
          {versions.map((v) => (
            <option key={v} value={String(v)}>
              v{v}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="number"
          name={`arm-${i}-weight`}
          aria-label={`Arm ${letter} weight`}
          min={0}
          max={100}
          value={arm.weight}
          onInput={(e) => onChange({ weight: Number(e.currentTarget.value) })}
        />
      </td>
      <td>
        <input
          type="radio"
          name="control"
          aria-label={`Arm ${letter} is the control`}
          checked={control}
          onChange={onControl}
        />
      </td>
    </tr>
  );
}

interface Props {
  arms: ArmDraft[];
  versions: number[];
  control: number;
  onArm: (index: number, change: Partial<ArmDraft>) => void;
  onControl: (index: number) => void;
}

export function ExperimentArmsTable({ arms, versions, control, onArm, onControl }: Props) {
  return (
    <table>
      <thead>
        <tr>
          <th>Arm</th>
          <th>Version</th>
          <th>Weight (%)</th>
          <th>Control</th>
        </tr>
      </thead>
      <tbody>
        {arms.map((a, i) => (
          <ArmRow
            key={String(i)}
            index={i}
            arm={a}
            versions={versions}
            control={control === i}
            onChange={(change) => onArm(i, change)}
            onControl={() => onControl(i)}
          />
        ))}
      </tbody>
    </table>
  );
}
