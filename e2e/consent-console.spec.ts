import type { Page } from "@playwright/test";
import customers from "../messages/zh-CN/customers.json" with { type: "json" };
import en from "../messages/en/consent.json" with { type: "json" };
import t from "../messages/zh-CN/consent.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const reason = `客户致电客服热线要求停止营销短信，已核实身份（${Date.now().toString(36)}）`;
let customerUrl = "";

async function openZhangWei(page: Page) {
  await page.goto("/customers");
  await page.getByLabel(customers.search.by).selectOption("phone");
  await page.getByLabel(customers.search.value).fill("138 0013 8000");
  await page.getByRole("button", { name: customers.search.submit, exact: true }).click();
  await page
    .getByRole("table", { name: customers.search.results })
    .getByRole("link", { name: "张*" })
    .click();
  await expect(page.getByRole("heading", { name: "张*", level: 1 })).toBeVisible();
}

/**
 * The option of a purpose select whose code names marketing (the seed's marketing SMS or push), or
 * exactly `code`. Withdrawals use marketing push: preferences.spec.ts withdraws 张伟's marketing SMS.
 */
async function marketingOption(page: Page, select: string, code = "marketing[a-z_]*") {
  const options = await page
    .locator(`select[name="${select}"] option`)
    .evaluateAll((els) =>
      els.map((e) => ({ value: (e as HTMLOptionElement).value, label: e.textContent ?? "" })),
    );
  const found = options.find((o) => new RegExp(`\\(${code}\\)`).test(o.label));
  expect(found, "a marketing purpose is seeded").toBeTruthy();
  return found!;
}

test.describe.serial("consent console", () => {
  test("the privacy officer reads the dashboard, filters the receipts and opens one with its proof", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/consent");
    await expect(page.getByRole("heading", { name: t.dashboard.title, level: 1 })).toBeVisible();
    const kpis = page.getByTestId("consent-kpis");
    const events = Number((await kpis.locator("a").first().locator("p").nth(1).innerText()).trim());
    expect(events).toBeGreaterThan(100);
    const counts = page.getByTestId("purpose-counts");
    await expect(counts.locator("tbody tr").first()).toBeVisible();
    await expect(page.getByText(t.dashboard.rateChart).first()).toBeVisible();
    // Eleven seeded purposes: five lines by name and one for the rest, never a line per purpose.
    const rateColumns = page
      .getByRole("table", { name: t.dashboard.rateChart })
      .locator("thead th");
    await expect(rateColumns).toHaveCount(1 + 6);
    await expect(rateColumns.last()).toHaveText(t.dashboard.otherPurposes);
    await snap(page, "consent-dashboard");

    await page.getByRole("link", { name: t.dashboard.openExplorer }).click();
    await expect(page.getByRole("heading", { name: t.explorer.title, level: 1 })).toBeVisible();
    const marketing = await marketingOption(page, "purpose");
    await page.getByLabel(t.fields.purpose).selectOption(marketing.value);
    await page.getByLabel(t.fields.action).selectOption("withdraw");
    await page.getByRole("button", { name: t.explorer.apply, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`purpose=${marketing.value}.*action=withdraw`));
    expect(page.url()).not.toMatch(/138|张/);
    const table = page.getByRole("table", { name: t.explorer.caption });
    const rows = table.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) expect(text).toContain(t.actions.withdraw);
    await snap(page, "consent-receipts-filtered");

    await rows
      .first()
      .getByRole("link", {
        name: new RegExp(t.explorer.openReceipt.replace("{id}", "[0-9a-f]{8}")),
      })
      .click();
    await expect(page).toHaveURL(/\/consent\/receipts\/[0-9a-f-]{36}$/);
    const checks = page.getByTestId("receipt-verification");
    await expect(checks.getByText(t.receipt.pass, { exact: true })).toHaveCount(3);
    await expect(page.getByText(t.fields.merkleRoot, { exact: true })).toBeVisible();
    await snap(page, "consent-receipt");
  });

  test("records a withdrawal on 张伟's behalf, sees it on the timeline and in the JSON evidence", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await openZhangWei(page);
    customerUrl = page.url();
    const section = page.locator("section", {
      has: page.getByRole("heading", { name: t.timeline.heading, exact: true }),
    });
    await expect(section.getByRole("heading", { name: t.timeline.current })).toBeVisible();
    const before = await page.getByTestId("consent-timeline").locator("li").count();

    const form = page.getByRole("form", { name: t.record.heading });
    const marketing = await marketingOption(page, "purposeId", "marketing_push");
    // A short reason is refused next to the field, and nothing is written.
    await form.getByLabel(t.record.purposeId).selectOption(marketing.value);
    await form.getByLabel(t.record.action).selectOption("withdraw");
    await form.getByLabel(t.record.channel).selectOption("sms");
    await form.getByLabel(t.record.reason).fill("太短");
    await form.getByRole("button", { name: t.record.submit }).click();
    await expect(page.locator("#consent-reason-error")).not.toBeEmpty();
    await snap(page, "consent-record-refused");

    await form.getByLabel(t.record.purposeId).selectOption(marketing.value);
    await form.getByLabel(t.record.action).selectOption("withdraw");
    await form.getByLabel(t.record.channel).selectOption("sms");
    await form.getByLabel(t.record.reason).fill(reason);
    await form.getByRole("button", { name: t.record.submit }).click();
    await expect(page.getByRole("status").filter({ hasText: t.record.done })).toBeVisible();
    const timeline = page.getByTestId("consent-timeline");
    await expect(timeline.locator("li")).toHaveCount(before + 1);
    const newest = timeline.locator("li").first();
    await expect(newest.getByText(t.actions.withdraw)).toBeVisible();
    await expect(
      newest.getByText(t.timeline.byStaff.split("{name}")[0], { exact: false }),
    ).toBeVisible();
    const receiptId = (await newest.getByRole("link").innerText()).trim();
    await newest.scrollIntoViewIfNeeded();
    await snap(page, "consent-customer-timeline");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: t.timeline.exportJson }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^consent-receipts-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const evidence = JSON.parse(
      await (
        await file.createReadStream()
      )
        .toArray()
        .then((chunks) => Buffer.concat(chunks).toString("utf8")),
    );
    const receipt = evidence.receipts.find((r: { receiptId: string }) =>
      r.receiptId.endsWith(receiptId),
    );
    expect(receipt).toMatchObject({
      action: "withdraw",
      source: "staff",
      channel: "sms",
      staffReason: reason,
    });
    expect(receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.merkleRoot).toMatch(/^[0-9a-f]{64}$/);
  });

  test("an employee sees the consent section but cannot record or export", async ({ page }) => {
    await signInAs(page, "employee");
    await page.goto(customerUrl);
    await expect(
      page.getByRole("heading", { name: t.timeline.heading, exact: true }),
    ).toBeVisible();
    await expect(page.getByTestId("consent-timeline").locator("li").first()).toBeVisible();
    await expect(page.getByRole("form", { name: t.record.heading })).toHaveCount(0);
    await expect(page.getByRole("link", { name: t.timeline.exportJson })).toHaveCount(0);
    const id = customerUrl.split("/").pop();
    const response = await page.request.get(`/consent/customers/${id}/export?format=json`);
    expect(response.status()).toBe(403);
    await page.goto("/consent");
    await expect(page.getByRole("heading", { name: t.dashboard.title, level: 1 })).toBeVisible();
    await snap(page, "consent-dashboard-employee");
    // The second language: the same dashboard in English.
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: page.url() }]);
    await page.goto("/consent");
    await expect(page.getByRole("heading", { name: en.dashboard.title, level: 1 })).toBeVisible();
    await snap(page, "consent-dashboard-en");
    await page.goto(customerUrl);
    await expect(
      page.getByRole("heading", { name: en.timeline.heading, exact: true }),
    ).toBeVisible();
    await snap(page, "consent-customer-en");
    await page.context().clearCookies({ name: "pd_locale" });
  });
});
