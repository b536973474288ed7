/** One choice out of a few, as native radios (arrow keys move between them), with its error announced. */
export function RadioGroup({
  name,
  label,
  options,
  defaultValue,
  error,
  required,
}: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  defaultValue?: string;
  error?: string;
  required?: boolean;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="space-y-1.5"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        )}
      </legend>
      <div className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-5">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              required={required}
              className="size-4 border-slate-300 text-brand-600"
            />
            {o.label}
          </label>
        ))}
      </div>
      <p id={errorId} className="text-xs text-red-600" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}
