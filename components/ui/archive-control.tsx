import { getTranslations } from "next-intl/server";
import { ConfirmForm } from "./confirm-form";
import type { ServerAction } from "@/lib/core/actions/define-action";

/**
 * Archive (or restore) a record after a confirmation that names it. The texts are the module's
 * `archive.*` and `restore.*` keys (button, title, body, confirm, pending); `values` fill the body.
 */
export async function ArchiveControl({
  namespace,
  archived,
  archive,
  restore,
  fields,
  values,
}: {
  namespace: string;
  archived: boolean;
  archive: ServerAction;
  restore: ServerAction;
  fields: Record<string, string>;
  values: Record<string, string>;
}) {
  const [t, common] = await Promise.all([getTranslations(namespace), getTranslations("common")]);
  const key = archived ? "restore" : "archive";
  return (
    <ConfirmForm
      action={archived ? restore : archive}
      fields={fields}
      variant={archived ? "secondary" : "danger"}
      labels={{
        trigger: t(`${key}.button`),
        title: t(`${key}.title`),
        body: t(`${key}.body`, values),
        confirm: t(`${key}.confirm`),
        cancel: common("cancel"),
        pending: t(`${key}.pending`),
      }}
    />
  );
}
