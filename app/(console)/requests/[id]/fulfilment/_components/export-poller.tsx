"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a package builds, re-reads the page every two seconds until it is ready (or failed). */
export function ExportPoller() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
