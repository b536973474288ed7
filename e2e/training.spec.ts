import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { piplEssentials } from "../db/seed/training/pipl-essentials";
import enT from "../messages/en/training.json" with { type: "json" };
import t from "../messages/zh-CN/training.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

type Messages = typeof t;
const lang = { zh: 0, en: 1 } as const;

/**
 * Answers the open quiz from the seeded bank (the page shows no answers): every question right,
 * or every question wrong (one wrong option each).
 */
async function answerQuiz(page: Page, which: 0 | 1, right: boolean) {
  const questions = page.getByTestId("quiz").locator("fieldset");
  const count = await questions.count();
  expect(count).toBe(piplEssentials.perAttempt);
  for (let i = 0; i < count; i++) {
    const fieldset = questions.nth(i);
    const legend = (await fieldset.locator("legend").textContent()) ?? "";
    const question = piplEssentials.questions.find((q) => legend.includes(q.q[which]));
    expect(question, legend).toBeDefined();
    const choose = right
      ? question!.options.filter(([, , correct]) => correct)
      : [question!.options.find(([, , correct]) => !correct)!];
    for (const option of choose) await fieldset.getByLabel(option[which], { exact: true }).check();
  }
}

async function takeCourse(page: Page, m: Messages, which: 0 | 1, shot: string) {
  // Fail once: every answer wrong.
  await page.getByRole("button", { name: m.course.start }).click();
  await expect(page).toHaveURL(/\/training\/attempts\/[0-9a-f-]{36}$/);
  await hydrated(page);
  // Nothing answered: refused, each question says so, nothing graded.
  await page.getByRole("button", { name: m.quiz.submit }).click();
  await expect(
    page
      .getByTestId("quiz")
      .getByText(which === 0 ? "请选择答案。" : "Choose an answer.")
      .first(),
  ).toBeVisible();
  await snap(page, `${shot}-unanswered`);
  await answerQuiz(page, which, false);
  await page.getByRole("button", { name: m.quiz.submit }).click();
  await expect(page.getByTestId("result")).toContainText("0%");
  await expect(page.getByRole("link", { name: m.result.viewCertificate })).toHaveCount(0);
  // Every question is marked wrong, with the correct answer and its explanation.
  const review = page.getByTestId("review");
  await expect(review.locator("[data-correct=false]")).toHaveCount(piplEssentials.perAttempt);
  await expect(review.getByText(m.result.explanation)).toHaveCount(piplEssentials.perAttempt);
  const shown = (await review.textContent()) ?? "";
  expect(piplEssentials.questions.some((q) => shown.includes(q.why[which]))).toBe(true);
  await snap(page, `${shot}-failed`);

  // Pass on a new draw.
  await page.getByRole("button", { name: m.course.retry }).click();
  await expect(page.getByTestId("quiz")).toBeVisible();
  await hydrated(page);
  await answerQuiz(page, which, true);
  await page.getByRole("button", { name: m.quiz.submit }).click();
  await expect(page.getByTestId("result")).toContainText("100%");
  await expect(page.getByTestId("review").locator("[data-correct=true]")).toHaveCount(
    piplEssentials.perAttempt,
  );
  await snap(page, `${shot}-passed`);

  // The certificate: its code, its PDF, and the public page that checks it.
  await page.getByRole("link", { name: m.result.viewCertificate }).click();
  const code = (await page.getByTestId("certificate-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await snap(page, `${shot}-certificate`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: m.certificate.download }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(10_000);
  return {
    code,
    verifyHref: (await page
      .getByRole("link", { name: m.certificate.verifyLink })
      .getAttribute("href"))!,
  };
}

async function verifyPublicly(
  browser: import("@playwright/test").Browser,
  baseURL: string,
  href: string,
  m: Messages,
  locale: string,
  shot: string,
  holder: { initial: string; name: string },
) {
  // Anyone, signed out: the page confirms the certificate and shows only the initial.
  const context = await browser.newContext({ locale, baseURL });
  const visitor = await context.newPage();
  await visitor.goto(href);
  const result = visitor.getByTestId("verification");
  await expect(result).toContainText(m.verify.valid);
  await expect(result).toContainText(holder.initial);
  await expect(result).not.toContainText(holder.name);
  await snap(visitor, shot);
  // A mistyped code is not confirmed.
  await visitor.getByLabel(m.verify.code).fill("AAAA-BBBB-CCCC");
  await visitor.getByRole("button", { name: m.verify.check }).click();
  await expect(visitor.getByTestId("verification")).toContainText(m.verify.invalid);
  await context.close();
}

test.describe.serial("training", () => {
  test("an employee takes 个人信息保护基础 from My tasks, fails once, passes, downloads the certificate, and the public page confirms it", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signInAs(page, "employee");
    await page.goto("/tasks");
    const tasks = page.getByTestId("training-tasks");
    await expect(tasks).toContainText(piplEssentials.title[lang.zh]);
    // The overdue customer-service course is marked so (the console side of the reminders).
    await expect(tasks).toContainText("已逾期");
    await snap(page, "training-tasks");
    await tasks
      .getByRole("listitem")
      .filter({ hasText: piplEssentials.title[lang.zh] })
      .getByRole("link", { name: t.tasks.take })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(piplEssentials.title[lang.zh]);
    await expect(page.getByTestId("lesson").first()).toContainText("什么是个人信息");
    await snap(page, "training-course");

    const { verifyHref } = await takeCourse(page, t, lang.zh, "training-zh");
    await verifyPublicly(browser, baseURL!, verifyHref, t, "zh-CN", "training-verify-zh", {
      initial: "刘",
      name: "刘洋",
    });

    // Done: no longer a task; the training page lists it completed with its certificate.
    await page.goto("/tasks");
    await expect(page.getByTestId("training-tasks")).not.toContainText(
      piplEssentials.title[lang.zh],
    );
    await page.goto("/training");
    await expect(
      page
        .getByTestId("my-courses")
        .getByRole("listitem")
        .filter({ hasText: piplEssentials.title[lang.zh] }),
    ).toContainText(t.mine.certificate);
    await snap(page, "training-mine");
  });

  test("in English: the head of 客服 sees the department's completion and the overdue colleague, then takes the course too", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signInAs(page, "manager");
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.goto("/training");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(enT.title);
    const completion = page.getByTestId("completion");
    await expect(completion).toContainText(piplEssentials.title[lang.en]);
    // 刘洋 completed PIPL essentials in the first walk; the customer-service course is overdue.
    await expect(page.getByTestId("overdue-people")).toContainText("刘洋");
    await snap(page, "training-manager-en");
    await page.goto("/tasks");
    await expect(page.getByTestId("training-escalated")).toContainText("刘洋");

    await page.goto("/training");
    await page
      .getByTestId("my-courses")
      .getByRole("link", { name: piplEssentials.title[lang.en] })
      .click();
    await expect(page.getByTestId("lesson").first()).toContainText("What personal information is");
    const { verifyHref } = await takeCourse(page, enT, lang.en, "training-en");
    // The manager is 张伟: the public page shows 张 only.
    await verifyPublicly(browser, baseURL!, verifyHref, enT, "en-US", "training-verify-en", {
      initial: "张.",
      name: "张伟",
    });
  });
});
