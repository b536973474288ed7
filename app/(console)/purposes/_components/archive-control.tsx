import { getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { archivePurposeAction, restorePurposeAction } from "../[id]/actions";

/** Archive (or restore) after a confirmation that names the purpose. */
export async function ArchiveControl({
  id,
  code,
  archived,
}: {
  id: string;
  code: string;
  archived: boolean;
}) {
  const [t, common] = await Promise.all([getTranslations("purposes"), getTranslations("common")]);
  const key = archived ? "restore" : "archive";
  return (
    <ConfirmForm
      action={archived ? restorePurposeAction : archivePurposeAction}
      fields={{ id }}
      variant={archived ? "secondary" : "danger"}
      labels={{
        trigger: t(`${key}.button`),
        title: t(`${key}.title`),
        body: t(`${key}.body`, { code }),
        confirm: t(`${key}.confirm`),
        cancel: common("cancel"),
        pending: t(`${key}.pending`),
      }}
    />
  );
}
