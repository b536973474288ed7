import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * One kind of work under My tasks: a heading with its count and a list of items. `urgent` rings
 * it red (passed legal clocks); `empty` shows instead of the list when there is nothing, else the
 * section is left out.
 */
export function TaskSection({
  id,
  title,
  count,
  testId,
  urgent,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  testId: string;
  urgent?: boolean;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (count === 0 && !empty) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-6">
      <h2 id={`${id}-heading`} className="mb-2 text-base font-semibold text-slate-900">
        {title} ({count})
      </h2>
      {count === 0 ? (
        empty
      ) : (
        <ul
          className={cn(
            "divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1",
            urgent ? "ring-red-200" : "ring-slate-200",
          )}
          data-testid={testId}
        >
          {children}
        </ul>
      )}
    </section>
  );
}

/** One task: what it is, a line about it, and the button that does it. */
export function TaskItem({
  title,
  body,
  action,
}: {
  title: ReactNode;
  body?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0 space-y-1">
        <div className="font-medium text-slate-900">{title}</div>
        {body && <div className="text-sm text-slate-600">{body}</div>}
      </div>
      {action}
    </li>
  );
}
