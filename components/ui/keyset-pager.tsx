import Link from "next/link";
import { buttonClass } from "./button";

/**
 * Keyset pages go forward only: "first page" and "next page", each a plain link carrying the
 * filters and the cursor in the URL, so a page can be bookmarked and the back button works.
 */
export function KeysetPager({
  firstHref,
  nextHref,
  labels,
}: {
  firstHref?: string;
  nextHref?: string;
  labels: { nav: string; first: string; next: string };
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={labels.nav} className="mt-4 flex justify-end gap-2">
      {firstHref && (
        <Link href={firstHref} className={buttonClass("secondary", "sm")}>
          {labels.first}
        </Link>
      )}
      {nextHref && (
        <Link href={nextHref} className={buttonClass("secondary", "sm")}>
          {labels.next}
        </Link>
      )}
    </nav>
  );
}
