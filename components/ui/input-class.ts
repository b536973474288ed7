/** The look of every text box, select and text area in a form (with room for its error state). */
export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-invalid:ring-red-500";

/** The same, one size smaller, for the controls of a filter bar or a table row. */
export const compactInputClass =
  "rounded-md border-0 bg-white py-1.5 text-sm text-slate-900 shadow-xs ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-invalid:ring-red-500";

/** A compact select: its arrow needs room on the right. */
export const compactSelectClass = `${compactInputClass} pr-8 pl-2.5`;
