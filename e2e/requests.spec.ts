import f from "../messages/zh-CN/fulfilment.json" with { type: "json" };
import t from "../messages/zh-CN/requests.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const header = (page: Page) => page.getByTestId("request-header-badges");

/** Intake: find the customer by external ID (POSTed, never in the URL), pick them, describe the request. */
async function enterRequest(page: Page, externalRef: string, fill: (page: Page) => Promise<void>) {
  await page.goto("/requests/new");
  await page.getByLabel(t.intake.searchLabel).fill(externalRef);
  await page.getByRole("button", { name: t.intake.search, exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(externalRef) }).check();
  expect(page.url()).not.toContain(externalRef);
  await fill(page);
  await page.getByRole("button", { name: t.intake.create, exact: true }).click();
  await expect(page.getByTestId("tracking-token")).toBeVisible();
}

test.describe.serial("data-subject requests", () => {
  /** The question the employee enters; the officer answers it later. */
  let employeeQuestion = "";

  test("a privacy officer enters a PIPL phone request for 张伟 verified on 2026-02-12, sees its due date on the PRC calendar and walks it through", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await enterRequest(page, "u-10001", async (p) => {
      await p.getByLabel(t.fields.type).selectOption("objection");
      await p.getByLabel(t.fields.channel).selectOption("phone");
      await p.getByLabel(t.fields.receivedOn).fill("2026-02-12");
      await p.getByLabel(t.fields.identityMethod).selectOption("phone_callback");
      await p.getByLabel(t.fields.verifiedOn).fill("2026-02-12");
    });
    expect((await page.getByTestId("tracking-token").innerText()).length).toBeGreaterThanOrEqual(
      43,
    );
    await snap(page, "request-created");

    await page.getByRole("link", { name: t.intake.open }).click();
    await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
    // 15 PRC working days from Thu 12 Feb 2026: the Spring Festival (15–23 Feb) off, Sat 14 and 28 Feb worked.
    await expect(page.getByTestId("due-on")).toHaveText("2026-03-11");
    await expect(page.getByTestId("identity-status")).toHaveText(t.detail.verified);
    await expect(header(page)).toContainText(t.status.verified);
    await snap(page, "request-page-verified");

    await page.getByRole("button", { name: t.actions.startSubmit, exact: true }).click();
    await expect(header(page)).toContainText(t.status.in_progress);

    await page
      .getByLabel(t.actions.askLabel)
      .fill("请确认需要停止处理的是哪一类信息：营销推荐还是订单分析？");
    await page.getByRole("button", { name: t.actions.askSubmit, exact: true }).click();
    await expect(header(page)).toContainText(t.status.awaiting_requester);
    await expect(page.getByTestId("paused-badge")).toBeVisible();
    await expect(page.getByText(t.clock.pausedNotice)).toBeVisible();
    await snap(page, "request-paused");

    await page.getByRole("button", { name: t.actions.resumeSubmit, exact: true }).click();
    await expect(header(page)).toContainText(t.status.in_progress);
    await expect(page.getByTestId("paused-badge")).toHaveCount(0);

    // Messages to the requester and internal notes are two tabs that look different.
    await expect(page.getByRole("tab", { name: t.actions.message })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await hydrated(page);
    await page.getByRole("tab", { name: t.actions.note }).click();
    await page
      .getByRole("textbox", { name: t.actions.noteLabel, exact: true })
      .fill("客户回电：只针对营销推荐。");
    await page.getByRole("button", { name: t.actions.noteSubmit, exact: true }).click();
    const note = page.getByTestId("timeline").locator('li[data-kind="note"]');
    await expect(note).toContainText("客户回电：只针对营销推荐。");
    await expect(note).toContainText(t.timeline.internal);
    await expect(
      page.getByRole("button", { name: t.actions.completeSubmit, exact: true }),
    ).toHaveCount(1);
    await snap(page, "request-in-progress");

    await page.getByRole("button", { name: t.actions.completeSubmit, exact: true }).click();
    await expect(header(page)).toContainText(t.status.completed);
    const timeline = page.getByTestId("timeline");
    await expect(timeline).toContainText(t.timeline.paused);
    await expect(timeline).toContainText(t.timeline.resumed.split("（")[0]);
    await expect(
      page.getByRole("button", { name: t.actions.completeSubmit, exact: true }),
    ).toHaveCount(0);
    await snap(page, "request-completed");
  });

  test("the overview shows the seeded overdue request as overdue, linking to the filtered queue", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/");
    const overdue = page.getByTestId("sla-overdue");
    await expect(overdue).toBeVisible();
    expect(Number(await overdue.locator("p").nth(1).innerText())).toBeGreaterThanOrEqual(1);
    // Requests per week are bars stacked by type, each week with its total.
    const volume = page.getByRole("table", { name: t.overview.volume });
    await expect(volume.locator("thead th").last()).toHaveText(t.overview.total);
    const totals = await volume.locator("tbody tr td:last-child").allInnerTexts();
    expect(totals).toHaveLength(12);
    expect(totals.reduce((n, v) => n + Number(v), 0)).toBeGreaterThan(0);
    await snap(page, "overview-requests");

    await overdue.getByRole("link").click();
    await expect(page).toHaveURL(/\/requests\?sla=overdue/);
    const rows = page.getByRole("table", { name: t.list.caption }).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) expect(text).toContain(t.sla.state.overdue);
    await snap(page, "requests-queue-overdue");

    await rows.first().getByRole("link").first().click();
    await expect(header(page)).toContainText(t.sla.state.overdue);
  });

  test("an employee can enter a request but sees no processing actions", async ({ page }) => {
    await signInAs(page, "employee");
    await enterRequest(page, "u-10002", async (p) => {
      await p.getByLabel(t.fields.type).selectOption("question");
      await p.getByLabel(t.fields.channel).selectOption("letter");
    });
    await page.getByRole("link", { name: t.intake.open }).click();
    await expect(page.getByText(t.detail.readOnly)).toBeVisible();
    employeeQuestion = page.url();
    await expect(page.getByTestId("identity-status")).toHaveText(t.detail.notVerified);
    await expect(page.getByRole("heading", { name: t.actions.title, exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: t.actions.verifySubmit })).toHaveCount(0);
    await expect(page.getByRole("button", { name: t.actions.rejectSubmit })).toHaveCount(0);
    await snap(page, "request-employee-read-only");
  });

  test("a question is completed only once it is answered, through the one next step", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "dpo");
    await page.goto(employeeQuestion);
    const next = page.getByTestId("next-step");
    await next.getByLabel(t.fields.identityMethod).selectOption("email_reply");
    await next.getByRole("button", { name: t.actions.verifySubmit, exact: true }).click();
    await next.getByRole("button", { name: t.actions.startSubmit, exact: true }).click();
    await expect(page.getByTestId("complete-blocked")).toHaveText(f.blocker.noAnswer);
    await expect(
      page.getByRole("button", { name: t.actions.completeSubmit, exact: true }),
    ).toHaveCount(0);
    await snap(page, "request-question-unanswered");

    await page
      .getByRole("textbox", { name: t.actions.messageLabel, exact: true })
      .fill("您好，我们仅在您同意后发送营销短信。");
    await page.getByRole("button", { name: t.actions.messageSubmit, exact: true }).click();
    await expect(
      page.getByTestId("timeline").locator('li[data-kind="message_to_requester"]'),
    ).toContainText(t.timeline.requesterSees);
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.reload();
    await snap(page, "request-question-answered-en");
    await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: baseURL! }]);
    await page.reload();
    await next.getByRole("button", { name: t.actions.completeSubmit, exact: true }).click();
    await expect(header(page)).toContainText(t.status.completed);
  });

  test("the queue opens on open requests; the working calendar; both in English", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "dpo");
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.goto("/requests");
    await expect(
      page.getByRole("heading", { name: "Data-subject requests", level: 1 }),
    ).toBeVisible();
    await expect(page.getByLabel("Status")).toHaveValue("open");
    await expect(page.getByRole("table").locator("tbody")).not.toContainText("Completed");
    await snap(page, "requests-queue-en");
    await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: baseURL! }]);
    await page.goto("/settings/calendar");
    await expect(page.getByRole("heading", { name: t.calendar.title, level: 1 })).toBeVisible();
    await expect(page.getByLabel(`${t.calendar.name} 1`)).toHaveValue(/元旦/);
    await snap(page, "working-calendar");
  });
});
