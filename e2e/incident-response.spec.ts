import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import enR from "../messages/en/incidentResponse.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import r from "../messages/zh-CN/incidentResponse.json" with { type: "json" };
import t from "../messages/zh-CN/incidents.json" with { type: "json" };
import { renderPage } from "../tests/pdf-page-image";
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The officer's response to a breach, in the UI's own words (zh-CN, the default).
const summary = `E2E 订单库导出异常 ${Date.now().toString(36)}`;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const beijing = (offsetMinutes = 0) => {
  const at = new Date(Date.now() + offsetMinutes * 60_000);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", ...options }).format(at);
  return {
    on: part({ year: "numeric", month: "2-digit", day: "2-digit" }),
    at: part({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  };
};

test.describe.serial("incident response", () => {
  let incidentUrl = "";

  test("an officer reports and triages a breach of 1.2M people", async ({ page }) => {
    await signInAs(page, "dpo");
    await page.goto("/incidents/new");
    await page.getByRole("textbox", { name: t.report.fields.summary, exact: true }).fill(summary);
    await page
      .getByRole("textbox", { name: t.report.fields.description, exact: true })
      .fill("订单库出现异常批量导出，涉及客户手机号与订单记录。");
    await page.getByRole("button", { name: t.report.submit }).click();
    await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}\?notice=reported$/);
    incidentUrl = page.url().replace(/\?.*$/, "");
    await hydrated(page);
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
  });

  test("the officer prepares the CAC report, downloads it in Chinese and records its filing", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto(incidentUrl);
    await hydrated(page);
    const cac = page.getByTestId("report-cac");
    await expect(cac).toContainText(r.reports.none);
    await cac.getByText(r.reports.prepare).click();
    await cac.getByRole("textbox", { name: r.reports.fields.contact }).fill("王敏 010-5555 0100");
    await cac
      .getByRole("textbox", { name: r.reports.fields.measures })
      .fill("已关闭导出接口，重置相关账号凭据。");
    await cac.getByRole("button", { name: r.reports.submit }).click();
    await expect(cac.getByRole("status")).toHaveText(fill(r.done.prepared, { version: 1 }));
    await expect(cac).toContainText(
      fill(r.reports.version, { version: 1, stage: r.reports.stages.initial }),
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      cac.getByRole("link", { name: r.reports.download, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^INC-\d{4}-\d{4}-cac-v1-zh-CN\.pdf$/);
    const pdf = readFileSync(await download.path());
    const first = renderPage(pdf);
    expect(first.text).toContain("网络安全事件报告（初次报告）");
    expect(first.text).toContain("1,200,000");
    mkdirSync("test-results/screens", { recursive: true });
    writeFileSync("test-results/screens/cac-report-page1.png", first.png());

    await cac.getByText(r.reports.recordSubmission).click();
    const now = beijing(0);
    await cac.getByLabel(r.reports.submittedOn).fill(now.on);
    await cac.getByLabel(r.reports.submittedTime).fill(now.at);
    await cac
      .getByRole("combobox", { name: r.reports.channel })
      .selectOption({ label: r.reports.channels.portal });
    await cac.getByRole("textbox", { name: r.reports.reference }).fill("BJ-2026-118");
    await cac.getByRole("button", { name: r.reports.save, exact: true }).click();
    await expect(cac).toContainText(r.reports.filed);
    await expect(cac).toContainText("BJ-2026-118");
    await expect(cac.getByText(r.reports.prepareNext)).toBeVisible();
    await snap(page, "incident-reports-zh");
  });

  test("the officer adds a timeline entry with an evidence file; the timeline shows the report filed", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto(incidentUrl);
    await hydrated(page);
    await page.getByText(r.timeline.add).click();
    const when = beijing(-30);
    await page.locator("#entry-on").fill(when.on);
    await page.locator("#entry-at").fill(when.at);
    await page.getByRole("textbox", { name: r.timeline.note }).fill("防火墙日志确认导出来源 IP");
    await page.locator("#entry-file").setInputFiles({
      name: "防火墙日志.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("2026-12-08 09:12 deny 203.0.113.7\n"),
    });
    await page.getByRole("button", { name: r.timeline.save, exact: true }).click();
    const timeline = page.getByTestId("incident-timeline");
    await expect(timeline).toContainText("防火墙日志确认导出来源 IP");
    await expect(
      timeline.getByRole("link", { name: fill(r.timeline.evidence, { name: "防火墙日志.txt" }) }),
    ).toBeVisible();
    await expect(timeline).toContainText(
      fill(r.timeline.events.reportSubmitted, { kind: r.reports.kinds.cac, version: 1 }),
    );
  });

  test("closing is refused until the review is done, then the incident closes", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto(incidentUrl);
    await hydrated(page);
    for (const to of ["investigating", "contained"] as const) {
      await page.getByRole("button", { name: t.steps.to[to], exact: true }).click();
      await expect(page.getByTestId("incident-badges")).toContainText(t.status[to]);
    }
    await page.getByRole("button", { name: t.steps.to.closed, exact: true }).click();
    await expect(page.getByText(errors.incidentReviewFirst)).toBeVisible();

    await page.getByRole("textbox", { name: r.review.cause }).fill("导出接口缺少鉴权");
    await page.getByRole("textbox", { name: r.review.whatWorked }).fill("告警 10 分钟内触发");
    await page.getByRole("textbox", { name: r.review.lessons }).fill("接口上线前做安全评审");
    await page.getByRole("button", { name: r.review.save }).click();
    await expect(page.getByTestId("review-done")).toBeVisible();
    await snap(page, "incident-review-zh");
    await page.getByRole("button", { name: t.steps.to.closed, exact: true }).click();
    await expect(page.getByTestId("incident-badges")).toContainText(t.status.closed);

    await page.context().addCookies([{ name: "pd_locale", value: "en", url: page.url() }]);
    await page.goto(incidentUrl);
    await expect(page.getByText(enR.reports.title)).toBeVisible();
    await snap(page, "incident-response-en");
    await page.context().clearCookies({ name: "pd_locale" });
  });
});
