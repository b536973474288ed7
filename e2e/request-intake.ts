import r from "../messages/zh-CN/requests.json" with { type: "json" };
import { expect } from "./fixtures";
import type { Page } from "@playwright/test";

const today = () => new Date().toISOString().slice(0, 10);

/** Staff intake of a request verified by phone call-back today; lands on the request page. */
export async function enterVerifiedRequest(
  page: Page,
  externalRef: string,
  type: string,
  locale = "zh-CN",
) {
  await page.goto("/requests/new");
  await page.getByLabel(r.intake.searchLabel).fill(externalRef);
  await page.getByRole("button", { name: r.intake.search, exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(externalRef) }).check();
  await page.getByRole("combobox", { name: r.fields.type, exact: true }).selectOption(type);
  await page.getByRole("combobox", { name: r.fields.channel, exact: true }).selectOption("phone");
  await page.getByRole("textbox", { name: r.fields.receivedOn, exact: true }).fill(today());
  await page
    .getByRole("combobox", { name: r.fields.identityMethod, exact: true })
    .selectOption("phone_callback");
  await page.getByRole("textbox", { name: r.fields.verifiedOn, exact: true }).fill(today());
  await page.getByRole("combobox", { name: r.fields.locale, exact: true }).selectOption(locale);
  await page.getByRole("button", { name: r.intake.create, exact: true }).click();
  await expect(page.getByTestId("tracking-token")).toBeVisible();
  await page.getByRole("link", { name: r.intake.open }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
}
