import type { Page } from "@playwright/test";
import { expect, snap } from "./fixtures";

/** The newest message to the masked recipient (or any), read off the console's outbox page as `officer`. */
export async function newestOutboxBody(
  officer: Page,
  masked?: string,
  shot?: string,
): Promise<string> {
  await officer.goto("/settings/outbox");
  const rows = officer.getByTestId("outbox-row");
  const row = (masked ? rows.filter({ hasText: masked }) : rows).first();
  await expect(row).toBeVisible();
  if (shot) await snap(officer, shot);
  return (await row.getByTestId("outbox-body").textContent()) ?? "";
}

/** The one-time code most recently sent to the masked recipient (development shows message text). */
export async function codeFromOutbox(
  officer: Page,
  masked: string,
  shot?: string,
): Promise<string> {
  const code = /(?:验证码是|code is) (\d{6})/.exec(
    await newestOutboxBody(officer, masked, shot),
  )?.[1];
  expect(code, "the outbox shows the code in development").toBeTruthy();
  return code!;
}

/** The invitation link most recently emailed to the masked address (development shows message text). */
export async function invitationLinkFromOutbox(
  admin: Page,
  masked: string,
  shot?: string,
): Promise<string> {
  const link = /(https?:\/\/\S+\/invitations\/\S+#\S+)/.exec(
    await newestOutboxBody(admin, masked, shot),
  )?.[1];
  expect(link, "the outbox shows the invitation link in development").toBeTruthy();
  return link!;
}
