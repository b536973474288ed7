"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/**
 * Asks for a fresh render a second after the previous one arrived (only while a rotation runs),
 * so at most one refresh is in flight however long the page takes to render.
 */
export function RefreshWhileRunning() {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (refreshing) return;
    const timer = setTimeout(() => startRefresh(() => router.refresh()), 1000);
    return () => clearTimeout(timer);
  }, [router, refreshing]);
  return null;
}
