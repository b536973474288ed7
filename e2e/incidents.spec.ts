import categories from "../messages/zh-CN/dataCategories.json" with { type: "json" };
import enT from "../messages/en/incidents.json" with { type: "json" };
import nav from "../messages/zh-CN/nav.json" with { type: "json" };
import t from "../messages/zh-CN/incidents.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const summary = `E2E 物流接口日志泄露手机号 ${Date.now().toString(36)}`;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

test.describe.serial("incidents", () => {
  let incidentUrl = "";

  test("an employee reports a suspected incident from the shell's button and sees its status", async ({
    page,
  }) => {
    await signInAs(page, "employee");
    await page.goto("/policies");
    await page.getByRole("link", { name: nav.reportIncident }).click();
    await expect(page).toHaveURL(/\/incidents\/new$/);
    await page.getByRole("textbox", { name: t.report.fields.summary, exact: true }).fill(summary);
    await page
      .getByRole("textbox", { name: t.report.fields.description, exact: true })
      .fill("配送投诉排查时发现，物流接口调试日志记录了收件人手机号，外部运维可见。");
    await page.getByRole("textbox", { name: t.report.fields.systems }).fill("订单系统, 物流接口");
    await page.getByRole("checkbox", { name: categories.contact, exact: true }).check();
    await snap(page, "incident-report-form");
    await page.getByRole("button", { name: t.report.submit }).click();
    await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}\?notice=reported$/);
    await expect(page.getByRole("status").filter({ hasText: t.done.reported })).toBeVisible();
    await expect(page.getByTestId("incident-badges")).toContainText(t.status.reported);
    incidentUrl = page.url().replace(/\?.*$/, "");

    // Their list shows their own report and its status; there is no triage form for them.
    await page.goto("/incidents");
    await expect(page.getByRole("row").filter({ hasText: summary })).toContainText(
      t.status.reported,
    );
    await page.goto(incidentUrl);
    await expect(page.getByTestId("triage-form")).toHaveCount(0);
  });

  test("an officer triages 1.2M people: 较大 is proposed and confirmed, and the CAC 4-hour and GDPR 72-hour clocks run", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto(incidentUrl);
    await hydrated(page);
    await expect(page.getByTestId("no-clocks")).toBeVisible();
    const triage = page.getByTestId("triage-form");
    await triage.getByRole("radio", { name: t.classification.pi_breach }).check();
    await triage.getByRole("checkbox", { name: t.breachType.confidentiality }).check();
    await triage
      .getByRole("spinbutton", { name: t.triage.fields.estimatedAffected })
      .fill("1200000");
    for (const law of ["PIPL", "GDPR"] as const)
      await triage.getByRole("checkbox", { name: t.law[law] }).check();
    await triage.getByRole("button", { name: t.triage.save }).click();
    await expect(triage.getByRole("status").filter({ hasText: t.done.triaged })).toBeVisible();

    await expect(page.getByTestId("proposed-grade")).toHaveText(
      fill(t.gradeForm.proposed, { grade: t.grade.relatively_major }),
    );
    await expect(page.getByTestId("incident-badges")).toContainText(t.status.triage);
    await page
      .getByRole("textbox", { name: t.gradeForm.reason, exact: true })
      .fill("约 120 万用户手机号可能泄露，达到较大级别");
    await page.getByRole("button", { name: t.gradeForm.confirm }).click();
    await expect(page.getByTestId("fact-grade")).toContainText(t.grade.relatively_major);
    await expect(page.getByTestId("incident-badges")).toContainText(t.grade.relatively_major);

    // Reported a moment ago: 3 whole hours left of the CAC's 4, 71 of GDPR's 72; both green.
    await expect(page.getByTestId("clock-cac_report")).toHaveText(
      fill(t.clock.hoursLeft, { hours: 3 }),
    );
    await expect(page.getByTestId("clock-cac_report")).toHaveAttribute("data-tone", "green");
    await expect(page.getByTestId("clock-gdpr_33")).toHaveText(
      fill(t.clock.hoursLeft, { hours: 71 }),
    );
    await expect(page.getByTestId("clock-pipl_authority")).toBeVisible();
    await expect(page.getByText(t.clock.targetNotLaw).first()).toBeVisible();
    await snap(page, "incident-triaged-zh");

    // The overview lists it among the open incidents, by its nearest clock (the CAC report).
    await page.goto("/");
    await expect(
      page.getByTestId("open-incidents").getByRole("listitem").filter({ hasText: summary }),
    ).toContainText(t.clock.rules.cac_report);

    await page.context().addCookies([{ name: "pd_locale", value: "en", url: page.url() }]);
    await page.goto(incidentUrl);
    await expect(page.getByTestId("clock-cac_report")).toHaveText(
      fill(enT.clock.hoursLeft, { hours: 3 }),
    );
    await expect(page.getByTestId("clock-gdpr_33")).toHaveText(
      fill(enT.clock.hoursLeft, { hours: 71 }),
    );
    await expect(page.getByText(enT.clock.rules.gdpr_33)).toBeVisible();
    await snap(page, "incident-triaged-en");
    await page.goto("/");
    await snap(page, "overview-incidents-en");
    await page.context().clearCookies({ name: "pd_locale" });
  });

  test("the reporter sees their report's status move on", async ({ page }) => {
    await signInAs(page, "employee");
    await page.goto("/incidents");
    await expect(page.getByRole("row").filter({ hasText: summary })).toContainText(t.status.triage);
    await snap(page, "incident-list-employee");
  });
});
