import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { cn } from "./cn";
import { inputClass } from "./input-class";

interface FieldProps {
  name: string;
  /** The control's element id (default: its name). Two forms on one page need distinct ids. */
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children?: ReactNode;
}

/** Label, control, hint and error, wired together for screen readers. */
function FieldShell({
  id,
  label,
  error,
  hint,
  required,
  children,
}: Omit<FieldProps, "name"> & { id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        )}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="text-xs text-red-600" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

const described = (id: string, error?: string, hint?: string) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

export function TextField({
  name,
  id = name,
  label,
  error,
  hint,
  required,
  className,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        className={cn(inputClass, className)}
        {...props}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  id = name,
  label,
  error,
  hint,
  required,
  ...props
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      <textarea
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        className={inputClass}
        rows={3}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  error,
  hint,
  required,
  options,
  ...props
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      {/* Keyed by its default: React resets forms after an action, and a select would otherwise
          fall back to its first render's value instead of what was submitted. */}
      <select
        key={String(props.defaultValue ?? "")}
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        className={inputClass}
        {...props}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A group of checkboxes submitted as `name[]`. */
export function CheckboxGroup({
  name,
  label,
  error,
  options,
  defaultValue = [],
}: FieldProps & { options: Array<{ value: string; label: string }>; defaultValue?: string[] }) {
  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input
              type="checkbox"
              name={`${name}[]`}
              value={o.value}
              defaultChecked={defaultValue.includes(o.value)}
              className="size-4 rounded border-slate-300 text-brand-600"
            />
            {o.label}
          </label>
        ))}
      </div>
      <p id={`${name}-error`} className="text-xs text-red-600" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}

/** One box submitted as `name=true` when ticked, with its hint and its error announced under it. */
export function CheckboxField({
  name,
  label,
  defaultChecked,
  hint,
  error,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  hint?: string;
  error?: string;
}) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name={name}
          value="true"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
          className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
        />
        <span>
          {label}
          {hint && <span className="block text-xs text-slate-500">{hint}</span>}
        </span>
      </label>
      <p id={`${name}-error`} className="text-xs text-red-600" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
