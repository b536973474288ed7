import { getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { archiveVendorAction, restoreVendorAction } from "../actions";

/** Archive (or restore) after a confirmation that names the vendor. */
export async function ArchiveControl({
  id,
  name,
  archived,
}: {
  id: string;
  name: string;
  archived: boolean;
}) {
  const [t, common] = await Promise.all([getTranslations("vendors"), getTranslations("common")]);
  const key = archived ? "restore" : "archive";
  return (
    <ConfirmForm
      action={archived ? restoreVendorAction : archiveVendorAction}
      fields={{ id }}
      variant={archived ? "secondary" : "danger"}
      labels={{
        trigger: t(`${key}.button`),
        title: t(`${key}.title`),
        body: t(`${key}.body`, { name }),
        confirm: t(`${key}.confirm`),
        cancel: common("cancel"),
        pending: t(`${key}.pending`),
      }}
    />
  );
}
