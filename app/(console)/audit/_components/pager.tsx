import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Keyset paging: back to the newest page, or on to older entries after the last one shown. */
export function Pager({
  label,
  newestHref,
  olderHref,
  labels,
  summary,
}: {
  label: string;
  newestHref?: string;
  olderHref?: string;
  labels: { newest: string; older: string };
  summary: string;
}) {
  return (
    <nav
      aria-label={label}
      className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600"
    >
      <p>{summary}</p>
      <div className="flex gap-2">
        {newestHref && (
          <Link href={newestHref} className={buttonClass("secondary", "sm")}>
            {labels.newest}
          </Link>
        )}
        {olderHref && (
          <Link href={olderHref} className={buttonClass("secondary", "sm")}>
            {labels.older} →
          </Link>
        )}
      </div>
    </nav>
  );
}
