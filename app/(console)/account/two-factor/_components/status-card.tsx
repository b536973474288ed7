import { getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RECOVERY_CODE_COUNT } from "@/lib/core/auth/recovery-codes";
import type { TwoFactorStatus } from "@/lib/account/queries";

const LOW = 3;

/** Whether two-factor sign-in is on, since when, and how many recovery codes remain. */
export async function StatusCard({
  status,
  required,
}: {
  status: TwoFactorStatus & { enabledAt: Date };
  required: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("account.twoFactor.status"), getDates()]);
  const low = status.unusedRecoveryCodes <= LOW;
  return (
    <Card title={t("title")} action={<Badge tone="green">{t("on")}</Badge>}>
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          {t("enabledSince", {
            date: format.instant(status.enabledAt),
          })}
        </p>
        <p
          data-testid="recovery-codes-left"
          className={low ? "font-medium text-amber-800" : undefined}
        >
          {t("recoveryLeft", { count: status.unusedRecoveryCodes, total: RECOVERY_CODE_COUNT })}
        </p>
        {low && <p className="text-amber-800">{t("recoveryLow")}</p>}
      </div>
      {required && <p className="mt-3 text-sm text-slate-500">{t("required")}</p>}
    </Card>
  );
}
