"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

/**
 * Writes table state into the URL, which the server page reads: a list is shareable, survives a
 * reload and the back button. Any change starts again at the first page (the cursor belongs to
 * the old order). `pending` is true while the server renders the new page.
 */
export function useUrlParams(cursorParam = "cursor") {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const setParams = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      next.delete(cursorParam);
      const query = next.toString();
      startTransition(() =>
        router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }),
      );
    },
    [params, pathname, router, cursorParam],
  );

  return { params, setParams, pending };
}
