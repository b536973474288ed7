import caEn from "../messages/en/complianceAudits.json" with { type: "json" };
import ctlEn from "../messages/en/controls.json" with { type: "json" };
import depEn from "../messages/en/departments.json" with { type: "json" };
import ca from "../messages/zh-CN/complianceAudits.json" with { type: "json" };
import ctl from "../messages/zh-CN/controls.json" with { type: "json" };
import dep from "../messages/zh-CN/departments.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The UI's own strings, so the walk follows the wording instead of copying it.
const run = Date.now().toString(36);
/** A day in Beijing time, `days` from today (the organisation's calendar). */
const day = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    Date.now() + days * 86_400_000,
  );
const english = (page: Page) =>
  page.context().addCookies([{ name: "pd_locale", value: "en", url: page.url() }]);

/** Plans an audit of the PIPL requirements, starts it, and records a finding owned by 客服's 刘洋. */
async function auditWithFinding(
  page: Page,
  m: typeof ca,
  names: { audit: string; finding: string },
  auditor: { field: string; option: string },
) {
  await page.goto("/compliance-audits");
  await page.getByRole("link", { name: m.new }).first().click();
  await page.getByRole("textbox", { name: m.fields.title, exact: true }).fill(names.audit);
  await page.getByRole("textbox", { name: m.fields.scope }).fill("客服工单系统 / support desk");
  await page
    .getByRole("combobox", { name: m.fields.auditorType, exact: true })
    .selectOption(auditor.field === "auditorUserId" ? "internal" : "vendor");
  await page.locator(`#${auditor.field}`).selectOption({ label: auditor.option });
  await page.locator("#plannedEnd").fill(day(-1));
  await page.locator("#plannedStart").fill(day(0));
  await page.getByRole("button", { name: m.create }).click();
  // An end before the start is refused next to the field; nothing typed is lost.
  await expect(page.locator("#plannedEnd-error")).not.toBeEmpty();
  await expect(page.getByRole("textbox", { name: m.fields.title, exact: true })).toHaveValue(
    names.audit,
  );
  await page.locator("#plannedEnd").fill(day(30));
  await page.getByRole("button", { name: m.create }).click();
  await expect(page).toHaveURL(/\/compliance-audits\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: names.audit, level: 1 })).toBeVisible();
  await expect(page.getByTestId("checklist-PIPL-50")).toBeVisible();

  await hydrated(page);
  await page.getByRole("button", { name: m.step.start }).click();
  await expect(page.getByTestId("evidence-policy_acknowledgements")).toBeVisible();
  await expect(page.getByTestId("evidence-training_completion")).toBeVisible();

  await hydrated(page);
  await page.getByRole("textbox", { name: m.finding.title, exact: true }).fill(names.finding);
  await page.getByRole("combobox", { name: m.finding.severity }).selectOption("major");
  await page.getByRole("combobox", { name: m.finding.requirement }).selectOption("PIPL-50");
  await page.getByRole("combobox", { name: m.finding.department }).selectOption({ label: "客服" });
  await page
    .getByRole("combobox", { name: m.finding.owner })
    .selectOption({ label: "刘洋 · 客服" });
  await page.getByRole("textbox", { name: m.finding.correctiveAction }).fill("工单增加核验字段");
  await page.locator("#dueOn").fill(day(14));
  await page.getByRole("button", { name: m.finding.add }).click();
  await expect(page.getByText(m.finding.created)).toBeVisible();
  await expect(page.getByRole("link", { name: names.finding })).toBeVisible();
}

test.describe.serial("compliance audits, computed controls and the manager's department", () => {
  test("a manager signs in and lands on 客服's page with its people, acknowledgements and findings", async ({
    page,
  }) => {
    await signInAs(page, "manager");
    await page.goto("/start");
    await expect(page).toHaveURL(/\/departments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "客服", level: 1 })).toBeVisible();
    await expect(page.getByTestId("department-team")).toContainText("刘洋");
    await expect(page.getByTestId("department-kpis")).toContainText(dep.overview.kpiAcknowledged);
    // The seeded audit's finding owned by 客服.
    await expect(page.getByTestId("department-findings")).toContainText(
      "电话渠道权利请求缺少身份核验记录",
    );
    await snap(page, "department-manager-zh");
    // The list holds only the departments this manager heads.
    await page.goto("/departments");
    await expect(page.getByRole("link", { name: "客服" })).toBeVisible();
    await expect(page.getByRole("link", { name: "技术" })).toHaveCount(0);
    // Audits and the library are the officers' and auditors'.
    expect((await page.goto("/compliance-audits"))?.status()).toBe(403);
  });

  test("an officer sees the PIPL library with computed evidence, runs an audit and records a finding for 客服", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "dpo");
    // The overview states training completion and when the next audit is due.
    await page.goto("/");
    await expect(page.getByTestId("training-summary")).toBeVisible();
    await expect(page.getByTestId("audit-due")).toBeVisible();
    await page.goto("/compliance?law=PIPL");
    await expect(page.getByTestId("law-source")).toContainText("2021-11-01");
    await hydrated(page);
    await page.getByRole("button", { name: ctl.evaluateNow }).click();
    await expect(page.getByText(ctl.evaluated)).toBeVisible();
    const art51 = page.getByTestId("requirement-PIPL-51");
    await expect(art51).toContainText("员工培训完成率");
    await expect(art51).toContainText("制度已发布并确认");
    await expect(page.getByTestId("requirement-PIPL-54")).toContainText("合规审计周期");
    await snap(page, "compliance-pipl-zh");
    await art51.getByRole("link", { name: "制度已发布并确认（≥ 95%）" }).click();
    await expect(page.getByTestId("control-query")).toBeVisible();
    await expect(page.getByTestId("control-history")).toContainText(day(0));
    await snap(page, "control-acknowledgements-zh");

    const names = { audit: `E2E 合规审计 ${run}`, finding: `E2E 核验记录缺失 ${run}` };
    await auditWithFinding(page, ca, names, { field: "auditorUserId", option: "赵敏" });
    await snap(page, "compliance-audit-zh");

    // The owner finds it on My tasks, and the manager on the department page.
    const employee = await (await browser.newContext({ locale: "zh-CN" })).newPage();
    await signInAs(employee, "employee");
    await employee.goto("/tasks");
    const task = employee
      .getByTestId("audit-finding-tasks")
      .getByRole("listitem")
      .filter({ hasText: names.finding });
    await expect(task).toContainText(ca.severities.major);
    await snap(employee, "tasks-audit-finding-zh");
    await task.getByRole("link", { name: ca.tasks.open }).click();
    await employee.getByRole("textbox", { name: ca.finding.correctionNote }).fill("已上线");
    await employee.getByRole("button", { name: ca.finding.markCorrected }).click();
    await expect(employee.getByTestId("finding-summary")).toContainText(
      ca.findingStatuses.corrected,
    );
    await employee.context().close();

    const manager = await (await browser.newContext({ locale: "zh-CN" })).newPage();
    await signInAs(manager, "manager");
    await manager.goto("/start");
    await expect(manager.getByTestId("department-findings")).toContainText(names.finding);
    await manager.context().close();

    // The report downloads as a PDF, and as CSV.
    const href = await page.getByRole("link", { name: ca.report.download }).getAttribute("href");
    const report = await page.request.get(href!);
    expect(report.status()).toBe(200);
    expect(report.headers()["content-type"]).toBe("application/pdf");
    expect((await report.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const csvHref = await page
      .getByRole("link", { name: ca.report.downloadCsv })
      .getAttribute("href");
    const csv = await page.request.get(csvHref!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain(names.finding);
  });

  test("in English: an officer audits with a professional body, and the manager sees the finding on the department page", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "dpo");
    await english(page);
    await page.goto("/compliance?law=GDPR");
    await expect(page.getByRole("heading", { name: "Compliance", level: 1 })).toBeVisible();
    await expect(page.getByTestId("requirement-GDPR-33")).toContainText("Breach clocks met");
    await snap(page, "compliance-gdpr-en");
    const names = { audit: `E2E compliance audit ${run}`, finding: `E2E missing ID checks ${run}` };
    await auditWithFinding(page, caEn, names, { field: "auditorVendorId", option: "阿里云" });
    await expect(page.getByTestId("evidence-audit_chain")).toContainText(ctlEn.detail.intact);
    await snap(page, "compliance-audit-en");

    const manager = await (await browser.newContext({ locale: "en" })).newPage();
    await signInAs(manager, "manager");
    await english(manager);
    await manager.goto("/start");
    await expect(manager.getByTestId("department-findings")).toContainText(names.finding);
    await expect(manager.getByTestId("department-kpis")).toContainText(depEn.overview.kpiFindings);
    await snap(manager, "department-manager-en");
    await manager.context().close();
  });
});
