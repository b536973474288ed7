"use client";

import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-state";
import { Notice } from "@/components/ui/notice";
import type { CustomerLaw } from "@/db/schema/customers";
import type { RequestStatus } from "@/db/schema/requests";
import { identityMethodOptions } from "@/lib/requests/options";
import { openStatuses } from "@/lib/requests/transitions";
import {
  askRequesterAction,
  assignRequestAction,
  extendRequestAction,
  moveRequestAction,
  rejectRequestAction,
  verifyRequestAction,
} from "../actions";
import { ActionForm } from "./action-form";
import { ComposeTabs } from "./compose-tabs";

interface Props {
  id: string;
  status: RequestStatus;
  /** The governing law (its extension rule), and every law whose remedies a rejection must name. */
  law: CustomerLaw;
  laws: readonly CustomerLaw[];
  hasCustomer: boolean;
  assigneeId: string | null;
  handlers: Array<{ userId: string; name: string }>;
  extension: { allowed: boolean; extended: boolean; decideBy: string | null; today: string };
  today: string;
  /** Why the request cannot be completed yet (translated), or null when it can. */
  completeBlocker: string | null;
}

/**
 * What a handler can do with the request, for people with requests.handle (the server checks
 * again): first the one next step of its state, then writing to the requester or a note, then
 * the other actions.
 */
export function RequestActions({
  id,
  status,
  law,
  laws,
  hasCustomer,
  assigneeId,
  handlers,
  extension,
  today,
  completeBlocker,
}: Props) {
  const t = useTranslations("requests");
  const open = openStatuses.includes(status);
  const section = (title: string, body: React.ReactNode, testId?: string) => (
    <div className="border-t border-slate-100 pt-4 first:border-0 first:pt-0" data-testid={testId}>
      <h3 className="mb-2 text-sm font-semibold text-slate-800">{title}</h3>
      {body}
    </div>
  );
  const extensionBlocked = !extension.allowed
    ? t("actions.extendNotAllowed", { law })
    : extension.extended
      ? t("actions.extendAlready")
      : extension.decideBy && extension.today > extension.decideBy
        ? t("actions.extendTooLate", { date: extension.decideBy })
        : null;

  const nextStep =
    status === "received" || status === "awaiting_identity"
      ? section(
          t("actions.verify"),
          <ActionForm
            action={verifyRequestAction}
            id={id}
            submit={t("actions.verifySubmit")}
            pending={t("actions.pending")}
          >
            {(state) => (
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  name="method"
                  label={t("fields.identityMethod")}
                  required
                  error={fieldError(state, "method")}
                  options={identityMethodOptions.map((m) => ({
                    value: m,
                    label: t(`identity.${m}`),
                  }))}
                />
                <TextField
                  name="verifiedOn"
                  type="date"
                  label={t("fields.verifiedOn")}
                  max={today}
                  defaultValue={today}
                  error={fieldError(state, "verifiedOn")}
                />
              </div>
            )}
          </ActionForm>,
        )
      : status === "verified"
        ? section(
            t("actions.start"),
            <ActionForm
              action={moveRequestAction}
              id={id}
              hidden={{ to: "in_progress" }}
              submit={t("actions.startSubmit")}
              pending={t("actions.pending")}
            />,
          )
        : status === "awaiting_requester"
          ? section(
              t("actions.resume"),
              <>
                <p className="mb-2 text-xs text-slate-500">{t("actions.resumeHint")}</p>
                <ActionForm
                  action={moveRequestAction}
                  id={id}
                  hidden={{ to: "in_progress" }}
                  submit={t("actions.resumeSubmit")}
                  pending={t("actions.pending")}
                />
              </>,
            )
          : status === "in_progress"
            ? section(
                t("actions.complete"),
                completeBlocker ? (
                  <p className="text-sm text-slate-600" data-testid="complete-blocked">
                    {completeBlocker}
                  </p>
                ) : (
                  <>
                    <p className="mb-2 text-xs text-slate-500">{t("actions.completeHint")}</p>
                    <ActionForm
                      action={moveRequestAction}
                      id={id}
                      hidden={{ to: "completed" }}
                      submit={t("actions.completeSubmit")}
                      pending={t("actions.pending")}
                    />
                  </>
                ),
              )
            : null;

  return (
    <div className="space-y-6">
      {nextStep && (
        <Card title={t("actions.next")}>
          <div data-testid="next-step">{nextStep}</div>
        </Card>
      )}
      {hasCustomer && (
        <Card title={t("compose.title")}>
          <ComposeTabs id={id} canMessage={open} />
        </Card>
      )}
      {open && (
        <Card title={t("actions.more")}>
          <div className="space-y-4">
            {status === "in_progress" &&
              hasCustomer &&
              section(
                t("actions.ask"),
                <ActionForm
                  action={askRequesterAction}
                  id={id}
                  submit={t("actions.askSubmit")}
                  pending={t("actions.pending")}
                  variant="secondary"
                >
                  {(state) => (
                    <TextAreaField
                      name="message"
                      label={t("actions.askLabel")}
                      hint={t("actions.askHint")}
                      required
                      maxLength={4000}
                      error={fieldError(state, "message")}
                    />
                  )}
                </ActionForm>,
              )}
            {section(
              t("actions.assign"),
              <ActionForm
                action={assignRequestAction}
                id={id}
                submit={t("actions.assignSubmit")}
                pending={t("actions.pending")}
                variant="secondary"
              >
                {(state) => (
                  <SelectField
                    name="assigneeId"
                    label={t("fields.assignee")}
                    defaultValue={assigneeId ?? "none"}
                    error={fieldError(state, "assigneeId")}
                    options={[
                      { value: "none", label: t("list.unassigned") },
                      ...handlers.map((h) => ({ value: h.userId, label: h.name })),
                    ]}
                  />
                )}
              </ActionForm>,
            )}
            {section(
              t("actions.extend"),
              extensionBlocked ? (
                <p className="text-sm text-slate-500" data-testid="extend-blocked">
                  {extensionBlocked}
                </p>
              ) : (
                <ActionForm
                  action={extendRequestAction}
                  id={id}
                  submit={t("actions.extendSubmit")}
                  pending={t("actions.pending")}
                  variant="secondary"
                >
                  {(state) => (
                    <TextAreaField
                      name="reason"
                      label={t("actions.reasonLabel")}
                      hint={t("actions.extendHint", { date: extension.decideBy ?? "" })}
                      required
                      maxLength={2000}
                      error={fieldError(state, "reason")}
                    />
                  )}
                </ActionForm>
              ),
            )}
            {section(
              t("actions.reject"),
              <ActionForm
                action={rejectRequestAction}
                id={id}
                submit={t("actions.rejectSubmit")}
                pending={t("actions.pending")}
                variant="danger"
              >
                {(state) => (
                  <>
                    <TextAreaField
                      name="reason"
                      label={t("actions.reasonLabel")}
                      hint={t("actions.rejectHint")}
                      required
                      maxLength={2000}
                      error={fieldError(state, "reason")}
                    />
                    {laws
                      .filter((l) => l === "PIPL" || l === "GDPR")
                      .map((l) => (
                        <Notice key={l} tone="info">
                          {t(`actions.rejectRemedy.${l}`)}
                        </Notice>
                      ))}
                  </>
                )}
              </ActionForm>,
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
