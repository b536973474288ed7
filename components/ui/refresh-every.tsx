"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/**
 * Re-renders the page from the server `ms` after the previous render arrived, for as long as it
 * is mounted (a page shows it only while something runs): at most one refresh is in flight
 * however long the page takes to render.
 */
export function RefreshEvery({ ms }: { ms: number }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (refreshing) return;
    const timer = setTimeout(() => startRefresh(() => router.refresh()), ms);
    return () => clearTimeout(timer);
  }, [router, refreshing, ms]);
  return null;
}
