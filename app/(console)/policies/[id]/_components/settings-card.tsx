import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { ServerAction } from "@/lib/core/actions/define-action";
import type { PolicyDocument } from "@/lib/policies/queries";
import { SettingsForm } from "./settings-form";

/** The document's audience settings: a form for editors, a summary for everyone else. */
export async function SettingsCard({
  doc,
  departments,
  editable,
  action,
}: {
  doc: PolicyDocument;
  departments: Array<{ id: string; name: string }>;
  editable: boolean;
  action: ServerAction;
}) {
  const [t, format] = await Promise.all([getTranslations("policies.settings"), getFormatter()]);
  const audience = departments
    .filter((d) => doc.audienceDepartmentIds.includes(d.id))
    .map((d) => d.name);
  return (
    <Card title={t("title")} className="mt-6">
      {editable ? (
        <SettingsForm
          action={action}
          departments={departments}
          initial={{
            documentId: doc.id,
            internal: doc.internal,
            acknowledgementRequired: doc.acknowledgementRequired,
            audienceDepartmentIds: doc.audienceDepartmentIds,
          }}
        />
      ) : (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">{t("visibility")}</dt>
          <dd>{doc.internal ? t("internalValue") : t("public")}</dd>
          <dt className="font-medium text-slate-600">{t("acknowledgement")}</dt>
          <dd>{doc.acknowledgementRequired ? t("required") : t("notRequired")}</dd>
          {doc.acknowledgementRequired && (
            <>
              <dt className="font-medium text-slate-600">{t("audienceLabel")}</dt>
              <dd>
                {audience.length > 0
                  ? format.list(audience, { type: "conjunction" })
                  : t("everyone")}
              </dd>
            </>
          )}
        </dl>
      )}
    </Card>
  );
}
