import a from "../messages/zh-CN/incidentAffected.json" with { type: "json" };
import enA from "../messages/en/incidentAffected.json" with { type: "json" };
import categories from "../messages/zh-CN/dataCategories.json" with { type: "json" };
import t from "../messages/zh-CN/incidents.json" with { type: "json" };
import outbox from "../messages/zh-CN/outbox.json" with { type: "json" };
import enOutbox from "../messages/en/outbox.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const stamp = Date.now().toString(36);
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

test.describe.configure({ mode: "serial" });

/** Reports an incident as the signed-in officer and returns its page's address. */
async function report(page: import("@playwright/test").Page, summary: string) {
  await page.goto("/incidents/new");
  await page.getByRole("textbox", { name: t.report.fields.summary, exact: true }).fill(summary);
  await page
    .getByRole("textbox", { name: t.report.fields.description, exact: true })
    .fill("券码核销接口的调试日志记录了购买人的手机号和邮箱。");
  await page.getByRole("checkbox", { name: categories.contact, exact: true }).check();
  await page.getByRole("button", { name: t.report.submit }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}\?notice=reported$/);
  return page.url().replace(/\?.*$/, "");
}

/** Triage as a breach of `estimate` people under PIPL and GDPR, a drill or not. */
async function triage(page: import("@playwright/test").Page, estimate: string, drill = false) {
  await hydrated(page);
  const form = page.getByTestId("triage-form");
  await form.getByRole("radio", { name: t.classification.pi_breach }).check();
  await form.getByRole("checkbox", { name: t.breachType.confidentiality }).check();
  await form.getByRole("spinbutton", { name: t.triage.fields.estimatedAffected }).fill(estimate);
  for (const law of ["PIPL", "GDPR"] as const)
    await form.getByRole("checkbox", { name: t.law[law] }).check();
  if (drill) await form.getByRole("checkbox", { name: t.triage.fields.drill }).check();
  await form.getByRole("button", { name: t.triage.save }).click();
  await expect(form.getByRole("status").filter({ hasText: t.done.triaged })).toBeVisible();
}

/** Selects by the form's current choices, waits for the job's counts, and stores them with the incident. */
async function countAndStore(page: import("@playwright/test").Page, shot?: string) {
  const card = page.getByTestId("affected-card");
  await card.getByRole("button", { name: a.start }).click();
  await expect(card.getByTestId("affected-preview")).toBeVisible({ timeout: 30_000 });
  if (shot) await snap(page, shot);
  await card.getByRole("button", { name: a.commit }).click();
  await expect(card.getByTestId("affected-committed")).toBeVisible();
}

test("an officer selects the people affected by criteria, sees them by law and region, previews the notice in both languages and sends it to the outbox", async ({
  page,
}) => {
  await signInAs(page, "dpo");
  const url = await report(page, `E2E 核销日志泄露 ${stamp}`);
  await page.goto(url);
  await triage(page, "1200000");
  await expect(page.getByTestId("proposed-grade")).toHaveText(
    fill(t.gradeForm.proposed, { grade: t.grade.relatively_major }),
  );

  // Who is affected: contact data, in orders of the first merchant in the demo data.
  const card = page.getByTestId("affected-card");
  await expect(card.getByTestId("affected-none")).toBeVisible();
  const form = card.getByTestId("affected-form");
  await expect(form.getByRole("checkbox", { name: new RegExp(categories.contact) })).toBeChecked();
  const merchant = form.getByRole("combobox", { name: a.merchant });
  await merchant.selectOption({ index: 1 });
  await snap(page, "incident-affected-form-zh");
  await countAndStore(page, "incident-affected-preview-zh");
  const committed = card.getByTestId("affected-committed");
  await expect(committed.getByTestId("law-PIPL")).toBeVisible();
  await expect(committed.getByTestId("affected-total")).toContainText("受影响");
  // The estimate (1.2M) still proposes 较大: the grade reads the larger of the two.
  await expect(page.getByTestId("proposed-grade")).toHaveText(
    fill(t.gradeForm.proposed, { grade: t.grade.relatively_major }),
  );

  // Then everyone, which replaces it once stored.
  await form.getByRole("radio", { name: a.kinds.everyone }).check();
  await countAndStore(page);
  await expect(committed.getByTestId("law-GDPR")).toBeVisible();
  await expect(committed.getByTestId("region-CN-BJ")).toBeVisible();
  await snap(page, "incident-affected-committed-zh");

  // The notice: default wording, previews per law and language, then send.
  await card.getByRole("link", { name: new RegExp(a.notice.open) }).click();
  await expect(page).toHaveURL(/\/notice$/);
  await hydrated(page);
  await expect(page.getByTestId("notice-needs-draft")).toBeVisible();
  await expect(
    page.getByRole("textbox", { name: `${a.notice.parts.advice} · ${a.notice.language["zh-CN"]}` }),
  ).not.toBeEmpty();
  await page.getByRole("button", { name: a.notice.save }).click();
  await expect(page.getByRole("status").filter({ hasText: a.notice.done.drafted })).toBeVisible();
  const zh = page.getByTestId("preview-PIPL-zh-CN");
  await zh.locator("summary").click();
  await expect(zh).toContainText("个人信息安全事件告知");
  await expect(zh).toContainText("防诈骗提示");
  await expect(zh).toContainText("联系我们");
  const en = page.getByTestId("preview-GDPR-en");
  await en.locator("summary").click();
  await expect(en).toContainText("Beware of scams");
  await expect(en).toContainText("Contact point (data protection officer)");
  const ca = page.getByTestId("preview-CCPA-en");
  await ca.locator("summary").click();
  await expect(ca).toContainText("What Information Was Involved");
  await snap(page, "incident-notice-preview-zh");

  await page.getByRole("button", { name: a.notice.send }).click();
  await expect(page.getByTestId("notice-status")).toHaveAttribute("data-status", "sent", {
    timeout: 60_000,
  });
  const queued = Number(
    (await page.getByTestId("notice-queued").textContent())?.replace(/[^\d]/g, ""),
  );
  expect(queued).toBeGreaterThan(0);
  await expect(page.getByTestId("notice-recipients").getByRole("row").nth(1)).toBeVisible();
  await snap(page, "incident-notice-sent-zh");

  // In the outbox, in Chinese, then in English.
  await page.goto("/settings/outbox");
  const rows = page.getByTestId("outbox-row").filter({ hasText: outbox.templates.incident_notice });
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByTestId("outbox-body")).toContainText("【");
  await snap(page, "outbox-incident-notice-zh");
  await page
    .context()
    .addCookies([{ name: "pd_locale", value: "en", url: new URL("/", page.url()).href }]);
  await page.reload();
  await expect(
    page.getByTestId("outbox-row").filter({ hasText: enOutbox.templates.incident_notice }).first(),
  ).toBeVisible();
  await snap(page, "outbox-incident-notice-en");
  await page.goto(`${url}/notice`);
  await expect(page.getByRole("heading", { name: new RegExp(enA.notice.title) })).toBeVisible();
  await expect(page.getByTestId("notice-status")).toContainText(enA.notice.status.sent);
  await page.getByTestId("preview-PIPL-en").locator("summary").click();
  await expect(page.getByTestId("preview-PIPL-en")).toContainText("Beware of scams");
  await snap(page, "incident-notice-sent-en");
  await page.goto(url);
  await expect(page.getByTestId("affected-card")).toContainText(enA.byLaw);
  await snap(page, "incident-affected-en");
  await page.context().clearCookies({ name: "pd_locale" });
});

test("a drill is timed and selected like a real incident but never notifies anyone", async ({
  page,
}) => {
  await signInAs(page, "dpo");
  const url = await report(page, `E2E 演练 ${stamp}`);
  await page.goto(url);
  await triage(page, "5000", true);
  const form = page.getByTestId("affected-form");
  await form.getByRole("radio", { name: a.kinds.everyone }).check();
  await countAndStore(page);
  await page.goto(`${url}/notice`);
  await expect(page.getByTestId("drill-no-notice")).toHaveText(a.notice.drillNever);
  await expect(page.getByRole("button", { name: a.notice.send })).toHaveCount(0);
  await expect(page.getByTestId("notice-status")).toHaveCount(0);
  await snap(page, "incident-drill-notice-zh");
});
