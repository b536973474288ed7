import type { Page } from "@playwright/test";
import en from "../messages/en/policies.json" with { type: "json" };
import t from "../messages/zh-CN/policies.json" with { type: "json" };
import tasks from "../messages/zh-CN/tasks.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN), so the test follows the wording instead of copying it.
const v = (n: number) => t.list.version.replace("{version}", String(n));
const today = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
}).format(new Date());
const marker = `新增：我们将在您注销账户后七日内删除推荐偏好数据（${Date.now().toString(36)}）。`;
const summary = "本次更新：境外用户数据存储于新加坡；注销后七日内删除推荐偏好数据。";
let versionUrl = "";

async function openPrivacyPolicy(page: Page) {
  await page.goto("/policies");
  await page.locator("#main").getByRole("link", { name: "隐私政策", exact: true }).click();
  await expect(page.getByRole("heading", { name: "隐私政策" })).toBeVisible();
}

test.describe.serial("policies", () => {
  test("the privacy officer writes v2 with a material change, submits it, and cannot approve it herself", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await openPrivacyPolicy(page);
    await snap(page, "policy-document");
    await page.getByRole("link", { name: v(2), exact: true }).click();
    await expect(page.getByRole("heading", { name: t.editor.heading })).toBeVisible();

    const zh = page.getByLabel(t.editor.contentZh);
    await zh.fill(
      `${await zh.inputValue()}\n\n## 七、推荐偏好\n\n${marker}\n\n<script>alert(1)</script>`,
    );
    // The live preview renders the new text and shows the script tag as text, not HTML.
    await expect(page.getByTestId("preview-zh").getByText(marker)).toBeVisible();
    await expect(
      page.getByTestId("preview-zh").getByText("<script>alert(1)</script>"),
    ).toBeVisible();
    await page.getByLabel(t.editor.summaryZh).fill(summary);
    await page.getByLabel(t.editor.changeSummary).fill("新增推荐偏好数据的删除期限");
    await page.getByLabel(t.editor.effectiveOn).fill(today);
    await page.getByRole("checkbox", { name: t.editor.materialChange }).check();
    await snap(page, "policy-editor");
    await page.getByRole("button", { name: t.editor.save }).click();
    await expect(page).toHaveURL(/notice=saved$/);
    await expect(page.getByLabel(t.editor.summaryZh)).toHaveValue(summary);

    await page.getByRole("button", { name: t.workflow.submit }).click();
    await expect(page).toHaveURL(/notice=submitted$/);
    await expect(page.getByText(t.statuses.in_review, { exact: true })).toBeVisible();
    versionUrl = page.url().replace(/\?.*$/, "");

    // Four-eyes: the author sees why before clicking, and cannot press approve (the server refuses anyway).
    await expect(page.getByTestId("four-eyes")).toHaveText(t.workflow.fourEyes);
    await expect(
      page.getByRole("button", { name: t.workflow.approve, exact: true }),
    ).toBeDisabled();
    await snap(page, "policy-four-eyes-author");
    // Her own version is no review task of hers.
    await page.goto("/tasks");
    await expect(page.getByRole("heading", { name: tasks.title, level: 1 })).toBeVisible();
    await expect(
      page.getByTestId("review-tasks").locator(`a[href="${new URL(versionUrl).pathname}"]`),
    ).toHaveCount(0);
  });

  test("the version in review is not public", async ({ page }) => {
    const response = await page.goto("/p/demo/policies/privacy/v/2");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: t.public.notFound })).toBeVisible();
    await page.goto("/p/demo/policies/privacy");
    await expect(
      page.getByText(t.public.versionLabel.replace("{version}", "1"), { exact: true }),
    ).toBeVisible();
    await expect(page.getByText(marker)).toHaveCount(0);
  });

  test("an administrator approves and publishes it; the diff shows the change", async ({
    page,
  }) => {
    await signInAs(page, "admin");
    // The reviewer is told: on the overview, by the navigation's count, and under My tasks.
    await page.goto("/");
    await expect(page.getByTestId("awaiting-review")).toBeVisible();
    await expect(page.getByTestId("nav-count-/tasks").first()).toBeVisible();
    await snap(page, "overview-awaiting-review");
    await page.getByTestId("awaiting-review").click();
    await page
      .getByTestId("review-tasks")
      .locator(`a[href="${new URL(versionUrl).pathname}"]`)
      .click();
    await expect(page).toHaveURL(versionUrl);
    await expect(page.getByTestId("four-eyes")).toHaveCount(0);
    await page.getByRole("button", { name: t.workflow.approve, exact: true }).click();
    await expect(page).toHaveURL(/notice=approved$/);
    await expect(page.getByText(t.workflow.publishHint.replace("{current}", v(1)))).toBeVisible();
    await page.getByRole("button", { name: t.workflow.publish }).click();
    await expect(page).toHaveURL(/notice=published$/);
    await expect(page.getByText(t.statuses.published, { exact: true })).toBeVisible();

    await page.getByRole("link", { name: t.backToDocument }).click();
    const rows = page.getByRole("row");
    await expect(rows.filter({ hasText: v(2) }).getByText(t.statuses.published)).toBeVisible();
    await expect(rows.filter({ hasText: v(1) }).getByText(t.statuses.superseded)).toBeVisible();
    await page.getByRole("button", { name: t.document.compareButton }).click();
    await expect(page).toHaveURL(/\/diff\?from=1&to=2/);
    await expect(page.locator('tr[data-kind="added"]').filter({ hasText: marker })).toBeVisible();
    await snap(page, "policy-diff");
  });

  test("the public page shows v2 with its summary first, and v1 stays readable", async ({
    page,
  }) => {
    await page.goto("/p/demo/policies/privacy");
    await expect(page.getByRole("heading", { name: "隐私政策", level: 1 })).toBeVisible();
    await expect(
      page.getByText(t.public.versionLabel.replace("{version}", "2"), { exact: false }).first(),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: t.public.summary })).toContainText(summary);
    await expect(page.getByText(marker)).toBeVisible();
    await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
    await snap(page, "policy-public-v2");

    await page.getByRole("link", { name: t.public.read.replace("{version}", "1") }).click();
    await expect(page).toHaveURL(/\/p\/demo\/policies\/privacy\/v\/1$/);
    await expect(page.getByText(t.public.oldVersion.replace("{version}", "1"))).toBeVisible();
    await expect(page.getByText("我们将在十五个工作日内答复。")).toBeVisible();
    await expect(page.getByText(marker)).toHaveCount(0);
    await snap(page, "policy-public-v1");

    for (const path of ["/p/demo/policies/no-such-policy", "/p/no-such-org/policies/privacy"]) {
      expect((await page.goto(path))?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: t.public.notFound })).toBeVisible();
    }
    await snap(page, "policy-public-404");
  });

  test("a visitor whose browser prefers English reads the English text and summary", async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/p/demo/policies/privacy");
    await expect(page.getByRole("heading", { name: "Privacy Policy", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: en.public.summary })).toContainText(
      "stored in Singapore",
    );
    await expect(
      page.getByRole("link", { name: en.public.read.replace("{version}", "1") }),
    ).toBeVisible();
    await snap(page, "policy-public-v2-en");
    await context.close();
  });

  test("a version taking effect later is not public early: scheduled for its date, then made effective today after a confirmation", async ({
    page,
  }) => {
    const later = "2999-01-01";
    await signInAs(page, "admin");
    await openPrivacyPolicy(page);
    await page.getByRole("button", { name: t.document.draftNew }).click();
    await expect(page.getByRole("heading", { name: t.editor.heading })).toBeVisible();
    await page.getByLabel(t.editor.changeSummary).fill("下一年度更新");
    await page.getByLabel(t.editor.effectiveOn).fill(later);
    await page.getByRole("button", { name: t.editor.save }).click();
    await expect(page).toHaveURL(/notice=saved$/);
    await page.getByRole("button", { name: t.workflow.submit }).click();
    await expect(page).toHaveURL(/notice=submitted$/);
    const laterUrl = page.url().replace(/\?.*$/, "");

    await signInAs(page, "dpo");
    await page.goto(laterUrl);
    await page.getByRole("button", { name: t.workflow.approve, exact: true }).click();
    await expect(page).toHaveURL(/notice=approved$/);
    await expect(page.getByTestId("publish-future")).toContainText(
      t.workflow.futureEffective.replace("{date}", later),
    );
    await snap(page, "policy-publish-future");
    await page
      .getByRole("button", { name: t.workflow.publishOnDate.replace("{date}", later) })
      .click();
    await expect(page).toHaveURL(/notice=scheduled$/);
    expect((await page.goto("/p/demo/policies/privacy/v/3"))?.status()).toBe(404);

    await page.goto(laterUrl);
    await hydrated(page);
    await page.getByRole("button", { name: t.workflow.publishToday }).click();
    const dialog = page.getByRole("dialog", { name: t.workflow.publishTodayTitle });
    await expect(dialog).toContainText(
      t.workflow.publishTodayBody.replace("{date}", later).replace("{today}", today),
    );
    await snap(page, "policy-publish-today-confirm");
    await dialog.getByRole("button", { name: t.workflow.publishTodayConfirm }).click();
    await expect(page).toHaveURL(/notice=published$/);
    expect((await page.goto("/p/demo/policies/privacy/v/3"))?.status()).toBe(200);
    await expect(
      page.getByText(t.public.versionLabel.replace("{version}", "3"), { exact: false }).first(),
    ).toBeVisible();
    await snap(page, "policy-public-v3-effective-today");
  });
});
