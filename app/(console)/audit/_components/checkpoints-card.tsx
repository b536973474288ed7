import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Checkpoint } from "@/lib/core/audit/checkpoint";
import { CheckpointList } from "./checkpoint-list";
import { CreateCheckpointButton } from "./create-checkpoint-button";
import { KeyFingerprint } from "./key-fingerprint";

/** The latest signed checkpoints and the key that signs them. */
export async function CheckpointsCard({
  rows,
  fingerprint,
  canCreate,
}: {
  rows: Checkpoint[];
  fingerprint: string;
  canCreate: boolean;
}) {
  const t = await getTranslations("audit");
  return (
    <Card
      title={t("checkpoints.title")}
      action={
        <Link
          href="/audit/checkpoints"
          className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {t("checkpoints.all")}
        </Link>
      }
    >
      {rows.length > 0 ? (
        <CheckpointList rows={rows} />
      ) : (
        <p className="text-sm text-slate-500">{t("checkpoints.noneBody")}</p>
      )}
      <div className="mt-4 flex flex-wrap items-start justify-between gap-4 border-t border-slate-100 pt-4">
        <KeyFingerprint
          fingerprint={fingerprint}
          label={t("checkpoints.fingerprint")}
          hint={t("checkpoints.fingerprintHint")}
        />
        {canCreate && <CreateCheckpointButton />}
      </div>
    </Card>
  );
}
