import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import type { MemberRow } from "@/lib/users/queries";
import {
  deactivate,
  reactivate,
  resetTwoFactor,
  updateDepartment,
  updateRole,
} from "../[id]/actions";
import { ChangeForm } from "./change-form";

type Option = { value: string; label: string };

/**
 * What an administrator can change about a member. Your own role, access and second factor are not
 * offered here (the server refuses them too); your department is.
 */
export async function ManagePanel({
  member,
  isSelf,
  roleOptions,
  departmentOptions,
}: {
  member: MemberRow;
  isSelf: boolean;
  roleOptions: Option[];
  departmentOptions: Option[];
}) {
  const [t, common] = await Promise.all([
    getTranslations("users.manage"),
    getTranslations("common"),
  ]);
  const saving = { submit: common("save"), pending: common("saving") };
  const confirm = { cancel: common("cancel"), pending: t("working") };
  return (
    <>
      {!isSelf && (
        <Card title={t("roleTitle")}>
          <ChangeForm
            action={updateRole}
            userId={member.userId}
            name="role"
            label={t("roleLabel")}
            options={roleOptions}
            current={member.role}
            labels={saving}
          />
        </Card>
      )}
      <Card title={t("departmentTitle")}>
        <ChangeForm
          action={updateDepartment}
          userId={member.userId}
          name="departmentId"
          label={t("departmentLabel")}
          options={departmentOptions}
          current={member.departmentId ?? ""}
          labels={saving}
        />
      </Card>
      {!isSelf && (
        <Card title={t("accessTitle")}>
          <p className="mb-3 text-sm text-slate-600">
            {member.deactivated ? t("reactivateBody") : t("deactivateBody")}
          </p>
          {member.deactivated ? (
            <ConfirmForm
              action={reactivate}
              fields={{ userId: member.userId }}
              variant="primary"
              labels={{
                ...confirm,
                trigger: t("reactivate"),
                title: t("reactivateConfirmTitle", { name: member.name }),
                body: t("reactivateConfirmBody"),
                confirm: t("reactivate"),
              }}
            />
          ) : (
            <ConfirmForm
              action={deactivate}
              fields={{ userId: member.userId }}
              labels={{
                ...confirm,
                trigger: t("deactivate"),
                title: t("deactivateConfirmTitle", { name: member.name }),
                body: t("deactivateConfirmBody"),
                confirm: t("deactivate"),
              }}
            />
          )}
        </Card>
      )}
      {!isSelf && (
        <Card title={t("mfaTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("mfaBody")}</p>
          <ConfirmForm
            action={resetTwoFactor}
            fields={{ userId: member.userId }}
            labels={{
              ...confirm,
              trigger: t("resetMfa"),
              title: t("resetMfaConfirmTitle", { name: member.name }),
              body: t("resetMfaConfirmBody"),
              confirm: t("resetMfa"),
            }}
          />
        </Card>
      )}
    </>
  );
}
