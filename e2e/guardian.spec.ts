import type { Page } from "@playwright/test";
import consentZh from "../messages/zh-CN/consent.json" with { type: "json" };
import customersZh from "../messages/zh-CN/customers.json" with { type: "json" };
import en from "../messages/en/portal.json" with { type: "json" };
import zh from "../messages/zh-CN/portal.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";
import { codeFromOutbox } from "./outbox";

// PIPL Art. 31 in the preference centre: u-10003 (王小雨, born 2014, a PIPL customer) is under 14,
// so only a guardian who proved their phone with a one-time code may agree to anything.
const PREFERENCES = "/p/demo/preferences";
const CHILD = "13900001403"; // u-10003 in the demo seed
const CHILD_MASKED = "139****1403";
const GUARDIAN = "13611114403";
const GUARDIAN_MASKED = "136****4403";

test.describe.configure({ mode: "serial" });

let officer: Page;
test.beforeAll(async ({ browser }) => {
  officer = await (await browser.newContext()).newPage();
  await signInAs(officer, "dpo");
});
test.afterAll(() => officer.context().close());

/** The child proves who they are, as every customer does. */
async function signInChild(page: Page, t: typeof zh) {
  await page.goto(PREFERENCES);
  await page.getByRole("textbox", { name: t.identity.request.phone }).fill(CHILD);
  await page.getByRole("button", { name: t.identity.request.submit }).click();
  await expect(page.getByText(t.identity.verify.sent)).toBeVisible();
  await page
    .getByRole("textbox", { name: t.identity.verify.code })
    .fill(await codeFromOutbox(officer, CHILD_MASKED));
  await page.getByRole("button", { name: t.identity.verify.submit }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: t.preferences.center.heading }),
  ).toBeVisible();
}

test("a child under 14 sees that a guardian must consent; the guardian verifies by code and grants, and the receipt is the guardian's", async ({
  page,
}) => {
  await signInChild(page, zh);
  const step = page.getByTestId("guardian-step");
  await expect(step.getByRole("heading", { name: zh.guardian.request.heading })).toBeVisible();
  await expect(step).toContainText(zh.guardian.why.PIPL);
  const sms = page.getByTestId("purpose-marketing_sms");
  await expect(sms.getByTestId("guardian-needed")).toHaveText(zh.guardian.cardNote);
  await expect(sms.getByRole("button", { name: zh.preferences.buttons.grant })).toHaveCount(0);
  await snap(page, "guardian-1-required-zh");

  // The child's own number proves nothing about a guardian.
  await step.getByRole("textbox", { name: zh.guardian.request.phone }).fill(CHILD);
  await step.getByRole("button", { name: zh.guardian.request.submit }).click();
  await expect(step.getByText(zh.guardian.request.ownContact).first()).toBeVisible();
  await snap(page, "guardian-2-own-contact-zh");

  await step.getByRole("textbox", { name: zh.guardian.request.phone }).fill(GUARDIAN);
  await step.getByRole("button", { name: zh.guardian.request.submit }).click();
  await expect(page.getByText(zh.guardian.verify.sent)).toBeVisible();
  expect(page.url()).not.toContain(GUARDIAN);
  const code = await codeFromOutbox(officer, GUARDIAN_MASKED, "guardian-outbox-zh");

  // A wrong code is refused with the attempts left; the right one verifies the guardian.
  await page
    .getByRole("textbox", { name: zh.guardian.verify.code })
    .fill(code === "000000" ? "000001" : "000000");
  await page.getByRole("button", { name: zh.guardian.verify.submit }).click();
  await expect(
    page.getByText(zh.guardian.verify.wrong.replace("{left}", "4")).first(),
  ).toBeVisible();
  await snap(page, "guardian-3-wrong-code-zh");
  await page.getByRole("textbox", { name: zh.guardian.verify.code }).fill(code);
  await page.getByRole("button", { name: zh.guardian.verify.submit }).click();
  await expect(page.getByTestId("guardian-verified")).toHaveText(zh.guardian.verified);

  await sms.getByRole("button", { name: zh.preferences.buttons.grant }).click();
  await expect(sms.getByTestId("purpose-status")).toHaveText(zh.preferences.status.granted);
  const receipt = page
    .getByTestId("receipts")
    .getByRole("row")
    .filter({ hasText: zh.guardian.receipt });
  await expect(receipt).toHaveCount(1);
  await snap(page, "guardian-4-granted-zh");

  // Staff see that only a guardian consents for this customer, and whose the receipt is.
  const receiptId = (await receipt.getByRole("cell").last().textContent())!.trim();
  await officer.goto("/customers");
  await officer.getByLabel(customersZh.search.value).fill(CHILD);
  await officer.getByRole("button", { name: customersZh.search.submit, exact: true }).click();
  await officer
    .getByRole("table", { name: customersZh.search.results })
    .getByRole("link", { name: "王**" })
    .click();
  await expect(officer.getByText(customersZh.detail.minor)).toBeVisible();
  await snap(officer, "guardian-5-customer-console-zh");
  await officer.goto(`/consent/receipts/${receiptId}`);
  await expect(officer.getByText(consentZh.fields.byGuardianYes)).toBeVisible();
});

test("the guardian step in English, in a new session", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signInChild(page, en);
  const step = page.getByTestId("guardian-step");
  await expect(step.getByRole("heading", { name: en.guardian.request.heading })).toBeVisible();
  await expect(
    page.getByTestId("purpose-marketing_push").getByTestId("guardian-needed"),
  ).toHaveText(en.guardian.cardNote);
  await snap(page, "guardian-1-required-en");
  await step.getByRole("textbox", { name: en.guardian.request.phone }).fill("12345");
  await step.getByRole("button", { name: en.guardian.request.submit }).click();
  await expect(step.getByText(en.guardian.request.badPhone).first()).toBeVisible();
  await snap(page, "guardian-2-bad-phone-en");
  await step.getByRole("textbox", { name: en.guardian.request.phone }).fill(GUARDIAN);
  await step.getByRole("button", { name: en.guardian.request.submit }).click();
  await expect(page.getByText(en.guardian.verify.sent)).toBeVisible();
  await snap(page, "guardian-3-code-en");
  await context.close();
});
