"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { RotationRow } from "@/lib/keys/inventory";
import { RotationProgress } from "./rotation-progress";

type Progress = Pick<RotationRow, "id" | "status" | "done" | "total">;

interface Props {
  initial: Progress;
  label: string;
  statusLabels: Record<RotationRow["status"], string>;
}

/**
 * The rotation's bar, kept current by reading its progress a second after the last answer. Once
 * the rotation is no longer the running one, the page is rendered again from the server (the
 * inventory then shows the old version destroyed).
 */
export function LiveRotationProgress({ initial, label, statusLabels }: Props) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (progress.status !== "running") return;
    let stopped = false;
    const timer = setTimeout(async () => {
      const latest = await fetch("/settings/keys/progress", { cache: "no-store" }).then(
        (res) => (res.ok ? (res.json() as Promise<Progress | null>) : undefined),
        () => undefined,
      );
      if (stopped) return;
      // Unanswered (offline, a restart): asked again a second later.
      if (latest === undefined) return setAttempt((n) => n + 1);
      // A fresh answer runs this effect again, so the next read follows while it is running.
      if (latest?.id === progress.id) setProgress(latest);
      if (latest?.id !== progress.id || latest.status !== "running") router.refresh();
    }, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [progress, attempt, router]);
  const { done, total, status } = progress;
  return (
    <RotationProgress
      done={done}
      total={total}
      status={status}
      label={label}
      statusLabel={statusLabels[status]}
    />
  );
}
