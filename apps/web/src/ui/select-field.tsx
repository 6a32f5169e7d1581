import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  /** The first option, with the empty value: "All categories". */
  allLabel: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}

/** A labelled drop-down whose empty value means "no filter"; the filters of home and map share it. */
export function SelectField({ label, value, allLabel, options, onChange }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
