"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-state";
import { cn } from "@/components/ui/cn";
import { addNoteAction, messageRequesterAction } from "../actions";
import { ActionForm } from "./action-form";

type Tab = "message" | "note";

/**
 * One place to write on a request, with two tabs that look different: a message the requester
 * reads on their tracking page (blue), or an internal note only staff see (amber).
 */
export function ComposeTabs({ id, canMessage }: { id: string; canMessage: boolean }) {
  const t = useTranslations("requests");
  const [tab, setTab] = useState<Tab>(canMessage ? "message" : "note");
  const tabs: Tab[] = canMessage ? ["message", "note"] : ["note"];
  const tone = tab === "message" ? "bg-sky-50 ring-sky-200" : "bg-amber-50 ring-amber-200";
  return (
    <div data-testid="compose">
      <div role="tablist" aria-label={t("compose.label")} className="mb-0 flex gap-1">
        {tabs.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`compose-tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`compose-panel-${key}`}
            onClick={() => setTab(key)}
            className={cn(
              "rounded-t-md px-3 py-1.5 text-sm font-medium",
              tab === key
                ? key === "message"
                  ? "bg-sky-50 text-sky-900 ring-1 ring-sky-200"
                  : "bg-amber-50 text-amber-900 ring-1 ring-amber-200"
                : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {t(key === "message" ? "actions.message" : "actions.note")}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`compose-panel-${tab}`}
        aria-labelledby={`compose-tab-${tab}`}
        className={cn("rounded-b-md rounded-tr-md p-3 ring-1", tone)}
        data-testid={`${tab}-form`}
      >
        {tab === "message" ? (
          <ActionForm
            key="message"
            action={messageRequesterAction}
            id={id}
            submit={t("actions.messageSubmit")}
            pending={t("actions.pending")}
            variant="secondary"
          >
            {(state) => (
              <TextAreaField
                name="text"
                label={t("actions.messageLabel")}
                hint={t("actions.messageHint")}
                required
                maxLength={4000}
                error={fieldError(state, "text")}
              />
            )}
          </ActionForm>
        ) : (
          <ActionForm
            key="note"
            action={addNoteAction}
            id={id}
            submit={t("actions.noteSubmit")}
            pending={t("actions.pending")}
            variant="secondary"
          >
            {(state) => (
              <TextAreaField
                name="text"
                label={t("actions.noteLabel")}
                hint={t("actions.noteHint")}
                required
                maxLength={4000}
                error={fieldError(state, "text")}
              />
            )}
          </ActionForm>
        )}
      </div>
    </div>
  );
}
