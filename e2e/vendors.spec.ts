import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import audit from "../messages/zh-CN/audit.json" with { type: "json" };
import common from "../messages/zh-CN/common.json" with { type: "json" };
import categories from "../messages/zh-CN/dataCategories.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import t from "../messages/zh-CN/vendors.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const vendorName = `E2E 短信网关 ${Date.now().toString(36)}`;
const answers = {
  volume: "over1m",
  access: "stores",
  subprocessors: "disclosed",
  incidents: "none",
  deletion: "contractual",
  assessment: "questionnaire",
} as const;

async function answerQuestionnaire(page: Page) {
  for (const [question, answer] of Object.entries(answers) as Array<
    [keyof typeof answers, string]
  >) {
    const q = t.risk.questions[question];
    await page
      .getByRole("group", { name: q.label })
      .getByRole("radio", { name: q.options[answer as keyof typeof q.options] })
      .check();
  }
}

test.describe.serial("vendor registry", () => {
  test("a privacy officer registers, edits, filters, exports and archives a vendor", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/vendors");
    await page.getByRole("link", { name: t.new }).click();
    await expect(page).toHaveURL(/\/vendors\/new$/);

    // Everything but the name: the server refuses it, says so next to the field, keeps the rest.
    await page.getByLabel(t.fields.service).fill("短信验证码发送");
    await page.getByRole("checkbox", { name: categories.contact, exact: true }).check();
    await page.getByRole("checkbox", { name: t.options.purposes.messaging, exact: true }).check();
    await page
      .getByRole("group", { name: t.fields.handlerRole })
      .getByRole("radio", { name: t.options.handlerRole.entrusted_processor })
      .check();
    await answerQuestionnaire(page);
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.locator("#name-error")).toHaveText(errors.required);
    await expect(page.getByLabel(t.fields.service)).toHaveValue("短信验证码发送");
    await snap(page, "vendor-new-missing-name");

    await page.getByRole("textbox", { name: t.fields.name, exact: true }).fill(vendorName);
    await page.getByRole("button", { name: t.create }).click();
    await expect(page).toHaveURL(/\/vendors\/[0-9a-f-]{36}\?notice=created$/);
    await expect(page.getByRole("heading", { name: vendorName })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: t.created })).toBeVisible();
    // 4 + 2 + 1 + 0 + 1 + 1 = 9 points: medium.
    await expect(
      page.getByText(t.detail.score.replace("{score}", "9").replace("{max}", "28")),
    ).toBeVisible();

    await page.getByRole("link", { name: t.edit, exact: true }).click();
    await page.getByLabel(t.fields.crossBorder).check();
    await page.getByRole("button", { name: t.save }).click();
    await expect(page).toHaveURL(/notice=updated$/);
    // Cross-border adds 4: 13 points, high. The history shows the edit.
    await expect(
      page.getByText(t.detail.score.replace("{score}", "13").replace("{max}", "28")),
    ).toBeVisible();
    await expect(
      page
        .getByRole("table", { name: t.detail.historyCaption })
        .getByText(audit.actions.vendor.updated),
    ).toBeVisible();
    const detailUrl = page.url().replace(/\?.*$/, "");
    await snap(page, "vendor-detail");

    await page.goto("/vendors");
    await page.getByLabel(t.list.tier).selectOption("high");
    await expect(page).toHaveURL(/tier=high/);
    await expect(page.getByRole("link", { name: vendorName, exact: true })).toBeVisible();
    for (const risk of await page.locator("tbody tr td:nth-child(4)").allInnerTexts())
      expect(risk).toContain(t.options.tier.high);
    await snap(page, "vendor-list-high");
    // The role under PIPL is a filter too: the new vendor is an entrusted processor, not an independent handler.
    await page.getByLabel(t.list.role).selectOption("independent_handler");
    await expect(page).toHaveURL(/role=independent_handler/);
    await expect(page.getByRole("link", { name: vendorName, exact: true })).toHaveCount(0);
    await page.getByLabel(t.list.role).selectOption("entrusted_processor");
    await expect(page.getByRole("link", { name: vendorName, exact: true })).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: common.exportCsv }).click();
    const csv = readFileSync((await (await download).path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain(`"${vendorName}"`);

    await page.goto(detailUrl);
    await page.getByRole("button", { name: t.archive.button }).click();
    const dialog = page.getByRole("dialog", { name: t.archive.title });
    await expect(dialog).toBeVisible();
    await snap(page, "vendor-archive-confirm");
    await dialog.getByRole("button", { name: t.archive.confirm }).click();
    await expect(page).toHaveURL(/notice=archived$/);
    await expect(page.getByText(t.detail.archivedNotice)).toBeVisible();
    await page.goto(`/vendors?q=${encodeURIComponent(vendorName)}`);
    await expect(page.getByText(t.list.emptyFiltered)).toBeVisible();
  });

  test("an employee sees the list without edit buttons and cannot open the new-vendor page", async ({
    page,
  }) => {
    await signInAs(page, "employee");
    await page.goto("/vendors");
    await expect(page.getByRole("table", { name: t.list.caption })).toBeVisible();
    await expect(page.getByRole("link", { name: t.new })).toHaveCount(0);
    await expect(page.getByRole("link", { name: new RegExp(`^${t.edit}`) })).toHaveCount(0);
    await expect(page.getByRole("link", { name: common.exportCsv })).toHaveCount(0);
    await snap(page, "vendor-list-employee");

    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/vendors\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("button", { name: t.archive.button })).toHaveCount(0);
    await expect(page.getByRole("link", { name: t.edit, exact: true })).toHaveCount(0);

    await page.goto("/vendors/new");
    await expect(page.getByRole("heading", { name: errors.forbiddenPage })).toBeVisible();
  });
});
