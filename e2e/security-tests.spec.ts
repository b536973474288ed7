import en from "../messages/en/risks.json" with { type: "json" };
import enTests from "../messages/en/securityTests.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import r from "../messages/zh-CN/risks.json" with { type: "json" };
import st from "../messages/zh-CN/securityTests.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const run = Date.now().toString(36);
const assessmentTitle = `E2E 渗透测试 ${run}`;
const findingTitle = `E2E 订单接口越权 ${run}`;
const riskTitle = `E2E 手机号泄露风险 ${run}`;
/** A day in Beijing time, `days` from today (the organisation's calendar). */
const day = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    Date.now() + days * 86_400_000,
  );

let assessmentUrl = "";
let riskUrl = "";

test.describe.serial("security tests and the risk register", () => {
  test("an officer records a pen test by a vendor, with its report", async ({ page }) => {
    await signInAs(page, "dpo");
    await page.goto("/security-tests");
    await page.getByRole("link", { name: st.newAssessment }).first().click();
    await expect(page).toHaveURL(/\/security-tests\/new$/);
    await page
      .getByRole("combobox", { name: st.assessment.tester })
      .selectOption({ label: "网易易盾" });
    await page
      .getByRole("textbox", { name: st.assessment.title, exact: true })
      .fill(assessmentTitle);
    await page
      .getByRole("textbox", { name: st.assessment.scope })
      .fill("买家 App、商家后台与订单接口");
    await page.locator("#startedOn").fill(day(-14));
    await page.locator("#endedOn").fill(day(-20));
    await page.getByRole("button", { name: st.createAssessment }).click();
    // An end before the start is refused next to the field, and nothing typed is lost.
    await expect(page.locator("#endedOn-error")).toHaveText(errors.assessmentEndBeforeStart);
    await expect(page.getByRole("textbox", { name: st.assessment.title, exact: true })).toHaveValue(
      assessmentTitle,
    );
    await page.locator("#endedOn").fill(day(-10));
    await page.getByRole("button", { name: st.createAssessment }).click();
    await expect(page).toHaveURL(/\/security-tests\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: assessmentTitle, level: 1 })).toBeVisible();
    assessmentUrl = page.url();

    // A file whose bytes are no accepted type is refused whatever its name says.
    await hydrated(page);
    await page.setInputFiles("#report-file", {
      name: "report.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
    });
    await page.getByRole("button", { name: st.report.upload }).click();
    await expect(page.locator("#report-file-error")).toHaveText(errors.fileType);
    await page.setInputFiles("#report-file", {
      name: "渗透测试报告.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
    });
    await page.getByRole("button", { name: st.report.upload }).click();
    await expect(page.getByText(st.report.uploaded)).toBeVisible();
    const link = page.getByTestId("report-file").getByRole("link", { name: "渗透测试报告.pdf" });
    await expect(link).toBeVisible();
    const download = await page.request.get((await link.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("a P1 finding found ten days ago is past its 7-day deadline: overdue on the overview and on its owner's tasks", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "dpo");
    await page.goto(assessmentUrl);
    await page.getByRole("textbox", { name: st.finding.title, exact: true }).fill(findingTitle);
    await page.getByRole("combobox", { name: st.finding.priority }).selectOption("P1");
    await page.getByRole("spinbutton", { name: st.finding.cvss }).fill("9.1");
    await page.locator("#foundOn").fill(day(-10));
    await page.getByRole("combobox", { name: st.finding.owner }).selectOption({ label: "刘洋" });
    await page.getByRole("button", { name: st.finding.add }).click();
    await expect(page.getByText(st.finding.created)).toBeVisible();
    const row = page.getByTestId("finding-row").filter({ hasText: findingTitle });
    await expect(row).toContainText(day(-3));
    await expect(row).toContainText(st.overdue);
    await snap(page, "security-assessment-zh");

    await page.goto("/");
    const overdue = page.getByTestId("overdue-findings");
    await expect(overdue.getByRole("row", { name: new RegExp(findingTitle) })).toContainText(
      st.overdue,
    );
    await expect(overdue.getByRole("row", { name: new RegExp(findingTitle) })).toContainText(
      st.priorities.P1,
    );
    await snap(page, "overview-overdue-finding-zh");

    // The owner, an employee, sees it under My tasks (without access to the security tests module).
    const employee = await (await browser.newContext({ locale: "zh-CN" })).newPage();
    await signInAs(employee, "employee");
    await employee.goto("/tasks");
    const task = employee
      .getByTestId("finding-tasks")
      .getByRole("listitem")
      .filter({ hasText: findingTitle });
    await expect(task).toContainText(st.overdue);
    await expect(task.getByRole("link")).toHaveCount(0);
    await snap(employee, "tasks-overdue-finding-zh");
    expect((await employee.goto("/security-tests"))?.status()).toBe(403);
    await employee.context().close();

    // Remediation moves on with evidence; fixed waits for the retest and is no longer overdue.
    await page.goto(assessmentUrl);
    await page.getByRole("link", { name: findingTitle }).click();
    await page
      .getByRole("combobox", { name: st.finding.nextStatus })
      .selectOption("in_remediation");
    await page.getByRole("button", { name: st.finding.changeStatus }).click();
    await expect(page.getByTestId("finding-status")).toHaveText(st.statuses.in_remediation);
  });

  test("a risk created by the officer is accepted by a second approver and shows on the heat map", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/risks/new");
    await page.getByRole("textbox", { name: r.fields.title, exact: true }).fill(riskTitle);
    await page
      .getByRole("group", { name: r.fields.inherent })
      .getByRole("combobox", { name: r.fields.likelihood })
      .selectOption("5");
    await page
      .getByRole("group", { name: r.fields.inherent })
      .getByRole("combobox", { name: r.fields.impact })
      .selectOption("5");
    await page
      .getByRole("group", { name: r.fields.residual })
      .getByRole("combobox", { name: r.fields.likelihood })
      .selectOption("4");
    await page
      .getByRole("group", { name: r.fields.residual })
      .getByRole("combobox", { name: r.fields.impact })
      .selectOption("5");
    await page.getByRole("combobox", { name: r.fields.treatment }).selectOption("accept");
    await page.getByRole("combobox", { name: r.fields.owner }).selectOption({ label: "张伟" });
    await page.getByRole("button", { name: r.create }).click();
    await expect(page).toHaveURL(/\/risks\/[0-9a-f-]{36}$/);
    riskUrl = page.url();
    await expect(page.getByTestId("acceptance")).toContainText(r.acceptance.states.pending);
    // Whoever asked for the acceptance cannot give it.
    await expect(page.getByTestId("acceptance")).toContainText(
      r.acceptance.refusals.approverIsRequester,
    );
    await expect(page.getByRole("button", { name: r.acceptance.accept })).toHaveCount(0);

    // Links: the finding recorded above and a vendor.
    await page
      .getByRole("combobox", { name: r.links.add.finding })
      .selectOption({ label: `${st.priorities.P1} · ${findingTitle}` });
    await page.getByRole("button", { name: r.links.link }).first().click();
    await expect(
      page.getByTestId("linked-findings").getByRole("link", { name: findingTitle }),
    ).toBeVisible();
    await page
      .getByRole("combobox", { name: r.links.add.vendor })
      .selectOption({ label: "网易易盾" });
    await page.getByRole("button", { name: r.links.link }).last().click();
    await expect(
      page.getByTestId("linked-vendors").getByRole("link", { name: "网易易盾" }),
    ).toBeVisible();

    await page.goto("/");
    await expect(page.getByTestId("heat-4-5")).toContainText("1");
    await expect(page.getByTestId("heat-4-5")).toContainText(r.levels.critical);
  });

  test("a second approver accepts it until a date; the overview shows it in both languages", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "admin");
    await page.goto("/tasks");
    await page
      .getByTestId("acceptance-tasks")
      .getByRole("listitem")
      .filter({ hasText: riskTitle })
      .getByRole("link", { name: r.tasks.review })
      .click();
    await expect(page).toHaveURL(riskUrl);
    // The date picker offers tomorrow at the earliest (the server refuses anything sooner too).
    await expect(page.locator("#expiresOn")).toHaveAttribute("min", day(1));
    await page.locator("#expiresOn").fill(day(180));
    await page.getByRole("button", { name: r.acceptance.accept }).click();
    await expect(page.getByTestId("acceptance")).toContainText(r.acceptance.states.accepted);
    await expect(page.getByTestId("acceptance")).toContainText(
      r.acceptance.by.replace("{name}", "李明").replace("{date}", day(180)),
    );
    await snap(page, "risk-accepted-zh");

    await page.goto("/");
    await expect(page.getByRole("table", { name: r.heatMap.caption })).toBeVisible();
    await snap(page, "overview-security-risks-zh");

    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole("table", { name: en.heatMap.caption })).toBeVisible();
    await expect(page.getByTestId("heat-4-5")).toContainText(en.levels.critical);
    await expect(page.getByTestId("overdue-findings")).toContainText(enTests.overdue);
    await snap(page, "overview-security-risks-en");
    await page.goto(riskUrl);
    await expect(page.getByTestId("acceptance")).toContainText(en.acceptance.states.accepted);
    await snap(page, "risk-accepted-en");
    await page.goto(assessmentUrl);
    await snap(page, "security-assessment-en");
    await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: baseURL! }]);
  });

  test("a manager sees only what their department owns", async ({ page }) => {
    await signInAs(page, "manager");
    await page.goto("/risks");
    // The 客服 manager sees the risk they own (张伟) but not the officer-owned demo risks.
    await expect(page.getByRole("link", { name: riskTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: "买家手机号批量泄露" })).toHaveCount(0);
    await page.goto("/security-tests");
    await expect(page.getByRole("link", { name: assessmentTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: st.newAssessment })).toHaveCount(0);
  });

  test("an auditor reads the register without changing it", async ({ page }) => {
    await signInAs(page, "auditor");
    await page.goto(riskUrl);
    await expect(page.getByRole("heading", { name: riskTitle, level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: r.edit })).toHaveCount(0);
    await expect(page.getByRole("button", { name: r.links.link })).toHaveCount(0);
    expect((await page.goto("/risks/new"))?.status()).toBe(403);
  });
});
