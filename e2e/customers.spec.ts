import audit from "../messages/zh-CN/audit.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import t from "../messages/zh-CN/customers.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const revealPhone = t.reveal.buttonLabel.replace("{field}", t.fields.phone);

async function findByPhone(page: Page, phone: string) {
  await page.goto("/customers");
  await page.getByLabel(t.search.by).selectOption("phone");
  await page.getByLabel(t.search.value).fill(phone);
  await page.getByRole("button", { name: t.search.submit, exact: true }).click();
}

test.describe.serial("customers", () => {
  test("a privacy officer filters, finds 张伟 by phone, reveals the phone with a reason, and the audit log shows it", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/customers");
    const list = page.getByRole("table", { name: t.list.caption });
    await expect(list).toBeVisible();
    await expect(list.locator("tbody tr")).toHaveCount(25);
    await snap(page, "customers-list");

    await page.getByLabel(t.list.law, { exact: true }).selectOption("GDPR");
    await expect(page).toHaveURL(/law=GDPR/);
    await expect(list.locator("tbody tr").first()).toBeVisible();
    for (const laws of await list.locator("tbody tr td:nth-child(5)").allInnerTexts())
      expect(laws).toContain("GDPR");
    await snap(page, "customers-gdpr");

    // An exact search nobody matches says so; the searched value never reaches the URL.
    await page.getByLabel(t.search.value).fill("nobody@example.invalid");
    await page.getByRole("button", { name: t.search.submit, exact: true }).click();
    await expect(page.getByText(t.search.noMatch)).toBeVisible();

    await findByPhone(page, "138 0013 8000");
    const results = page.getByRole("table", { name: t.search.results });
    await expect(results.getByRole("link", { name: "张*" })).toBeVisible();
    await expect(page.getByLabel(t.search.by)).toHaveValue("phone");
    expect(page.url()).not.toContain("138");
    await snap(page, "customers-search-phone");

    await results.getByRole("link", { name: "张*" }).click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "张*", level: 1 })).toBeVisible();
    await expect(page.getByText("138****8000").first()).toBeVisible();
    await expect(page.getByText("+8613800138000")).toHaveCount(0);
    await snap(page, "customer-page");

    // No reason: the server refuses, says so next to the field, and decrypts nothing.
    await hydrated(page);
    await page.getByRole("button", { name: revealPhone }).click();
    const dialog = page.getByRole("dialog", {
      name: t.reveal.title.replace("{field}", t.fields.phone),
    });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: t.reveal.confirm, exact: true }).click();
    await expect(dialog.locator("#reason-error")).toHaveText(errors.choice);
    await expect(page.getByText("+8613800138000")).toHaveCount(0);
    await snap(page, "customer-reveal-no-reason");

    await dialog.getByLabel(t.reveal.reason).selectOption("support_request");
    await dialog.getByLabel(t.reveal.note).fill("工单 4521：客户来电核实手机号");
    await dialog.getByRole("button", { name: t.reveal.confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("+8613800138000")).toBeVisible();
    await expect(page.getByRole("timer")).toContainText(/\d+ 秒后隐藏/);
    await snap(page, "customer-revealed");
    // "Hide now" masks it again at once (the 60-second timer does the same on its own).
    await page.getByRole("button", { name: t.reveal.hide }).click();
    await expect(page.getByText("+8613800138000")).toHaveCount(0);

    await page.goto("/audit?action=customer.revealed");
    const events = page.getByRole("table", { name: "审计事件，最新的在前" });
    await expect(events.getByText(audit.actions.customer.revealed).first()).toBeVisible();
    await expect(events.getByText("+8613800138000")).toHaveCount(0);
    await snap(page, "customer-reveal-audit");
  });

  test("an employee sees the list and the customer page, but no reveal button", async ({
    page,
  }) => {
    await signInAs(page, "employee");
    await page.goto("/customers");
    await expect(page.getByRole("table", { name: t.list.caption })).toBeVisible();
    await findByPhone(page, "13800138000");
    await page
      .getByRole("table", { name: t.search.results })
      .getByRole("link", { name: "张*" })
      .click();
    await expect(page.getByRole("heading", { name: "张*", level: 1 })).toBeVisible();
    await expect(page.getByText("138****8000").first()).toBeVisible();
    await expect(page.getByRole("button", { name: t.reveal.button })).toHaveCount(0);
    await expect(page.getByRole("button", { name: revealPhone })).toHaveCount(0);
    await snap(page, "customer-page-employee");
  });
});
