import { Alert } from "./alert.js";
import { SelectField } from "./field.js";

/** The head of a filtered list: the filter, a line saying what is shown (announced as it changes), and a failure to load. */
export function ListFilter<V extends string>({
  label,
  value,
  options,
  onChange,
  summary,
  error,
}: {
  label: string;
  value: V;
  options: [V, string][];
  onChange: (value: V) => void;
  summary: string;
  error: string;
}) {
  return (
    <>
      <div class="ql-toolbar">
        <div class="ql-toolbar__grow">
          <SelectField label={label} value={value} options={options} onChange={onChange} />
        </div>
      </div>
      <p class="ql-status" role="status" aria-live="polite">
        {summary}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
    </>
  );
}
