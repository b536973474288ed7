import type { Browser, Page } from "@playwright/test";
import api from "../messages/zh-CN/api.json" with { type: "json" };
import en from "../messages/en/portal.json" with { type: "json" };
import zh from "../messages/zh-CN/portal.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";
import { codeFromOutbox } from "./outbox";

// The UI's own strings, so the test follows the wording instead of copying it.
const run = Date.now().toString(36);
const PREFERENCES = "/p/demo/preferences";
const PHONE = "13800138000"; // u-10001 (张伟), who granted every optional purpose at signup

test.describe.configure({ mode: "serial" });

/** A privacy officer's own browser, signed in once: the outbox page, where development shows the message text. */
let officer: Page;
test.beforeAll(async ({ browser }) => {
  officer = await (await browser.newContext()).newPage();
  await signInAs(officer, "dpo");
});
test.afterAll(() => officer.context().close());

async function requestCode(page: Page, t: typeof zh, phone: string) {
  await page.goto(PREFERENCES);
  await expect(page.getByRole("heading", { level: 1, name: t.preferences.title })).toBeVisible();
  await page.getByRole("textbox", { name: t.identity.request.phone }).fill(phone);
  await page.getByRole("button", { name: t.identity.request.submit }).click();
  await expect(page.getByText(t.identity.verify.sent)).toBeVisible();
}

async function enterCode(page: Page, t: typeof zh, code: string) {
  await page.getByRole("textbox", { name: t.identity.verify.code }).fill(code);
  await page.getByRole("button", { name: t.identity.verify.submit }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: t.preferences.center.heading }),
  ).toBeVisible();
}

/** An API key that may read consent, made by the owner in the console as the platform would. */
async function consentReadKey(browser: Browser): Promise<string> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "owner");
  await page.goto("/settings/api");
  await page.getByRole("textbox", { name: api.fields.name }).fill(`E2E 偏好中心 ${run}`);
  await page.getByRole("checkbox", { name: /^consent:read/ }).check();
  await page.getByRole("button", { name: api.create.submit }).click();
  const token = ((await page.getByTestId("api-token").textContent()) ?? "").trim();
  expect(token).toMatch(/^pdk_/);
  await page.context().close();
  return token;
}

test("a customer proves who they are with a code from the outbox, withdraws marketing SMS, and the check endpoint says no", async ({
  page,
  browser,
  request,
}) => {
  const token = await consentReadKey(browser);
  const check = async () =>
    (
      await request.get("/api/v1/customers/u-10001/consents/marketing_sms/check", {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json();
  // 张伟 granted marketing SMS at signup. In the full suite policies.spec.ts has since published a
  // material change of the privacy policy, which describes this purpose: then re-consent is asked.
  const before = await check();
  expect([
    { allowed: true, reason: "granted" },
    { allowed: false, reason: "reconsent_required" },
  ]).toContainEqual({ allowed: before.allowed, reason: before.reason });
  expect(before.law).toBe("PIPL");

  await page.goto(PREFERENCES);
  await expect(
    page.getByRole("heading", { level: 2, name: zh.identity.request.heading }),
  ).toBeVisible();
  await snap(page, "preferences-1-request-zh");
  await requestCode(page, zh, PHONE);
  await snap(page, "preferences-2-code-zh");
  // Nothing identifying in the address bar: the challenge is in an HttpOnly cookie.
  expect(page.url()).not.toContain("13800138000");
  expect(new URL(page.url()).search).toBe("");

  const code = await codeFromOutbox(officer, "138****8000", "preferences-outbox-zh");

  // A wrong code first: refused, with the attempts left.
  await page
    .getByRole("textbox", { name: zh.identity.verify.code })
    .fill(code === "000000" ? "000001" : "000000");
  await page.getByRole("button", { name: zh.identity.verify.submit }).click();
  await expect(page.getByText(zh.identity.verify.wrong.replace("{left}", "4"))).toBeVisible();
  await enterCode(page, zh, code);
  await snap(page, "preferences-3-choices-zh");

  const card = page.getByTestId("purpose-marketing_sms");
  if (before.reason === "reconsent_required") {
    // The preference center says so too, and confirming again is one click.
    await expect(card.getByRole("note")).toHaveText(zh.preferences.reconsent);
    await card.getByRole("button", { name: zh.preferences.buttons.confirmAgain }).click();
    await expect(card.getByRole("note")).toHaveCount(0);
    expect(await check()).toMatchObject({ allowed: true, reason: "granted" });
  }
  await expect(card.getByTestId("purpose-status")).toHaveText(zh.preferences.status.granted);
  await card.getByRole("button", { name: zh.preferences.buttons.withdraw }).click();
  await expect(card.getByTestId("purpose-status")).toHaveText(zh.preferences.status.withdrawn);
  await expect(card.getByText(zh.preferences.center.saved.split("{id}")[0])).toBeVisible();
  // Granting again is the same single click.
  await expect(card.getByRole("button", { name: zh.preferences.buttons.grant })).toBeVisible();
  const newest = page.getByTestId("receipts").locator("tbody tr").first();
  await expect(newest).toContainText("营销短信");
  await expect(newest).toContainText(zh.preferences.actions.withdraw);
  await expect(newest).toContainText(zh.preferences.channels.web);
  await snap(page, "preferences-4-withdrawn-zh");

  expect(await check()).toMatchObject({ allowed: false, reason: "withdrawn" });

  await page.getByRole("button", { name: zh.preferences.center.signOut }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: zh.identity.request.heading }),
  ).toBeVisible();
});

test("a browser sending Sec-GPC: 1 changes nothing for a PIPL customer: sharing for ads stays their consent", async ({
  browser,
  request,
}) => {
  const statement = await request.get("/.well-known/gpc.json");
  expect(statement.headers()["content-type"]).toContain("application/json");
  expect(await statement.json()).toEqual({
    gpc: true,
    lastUpdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });

  const context = await browser.newContext({
    locale: "en-US",
    extraHTTPHeaders: { "Sec-GPC": "1" },
  });
  const page = await context.newPage();
  await requestCode(page, en, PHONE);
  await enterCode(page, en, await codeFromOutbox(officer, "138****8000"));

  // 张伟 is under PIPL: the signal is not his consent or refusal, and no opt-out is offered him.
  await expect(page.getByTestId("gpc-notice")).toHaveText(en.preferences.center.gpcNoEffect);
  const card = page.getByTestId("purpose-sale_share_ads");
  await expect(card.getByTestId("purpose-status")).toHaveText(en.preferences.status.granted);
  await expect(card.getByRole("button", { name: en.preferences.buttons.optOut })).toHaveCount(0);
  await expect(
    page
      .getByTestId("receipts")
      .locator("tbody tr")
      .filter({ hasText: en.preferences.receipts.gpc }),
  ).toHaveCount(0);
  await snap(page, "preferences-gpc-pipl-en");

  // A reload records nothing either.
  const receipts = await page.getByTestId("receipts").locator("tbody tr").count();
  await page.reload();
  await expect(page.getByTestId("receipts").locator("tbody tr")).toHaveCount(receipts);
  await context.close();
});

test("an unknown number gets the same answer, and nothing reaches the outbox", async ({ page }) => {
  await officer.goto("/settings/outbox");
  const before = await officer.getByTestId("outbox-row").count();

  await requestCode(page, zh, "19900000001");
  await snap(page, "preferences-unknown-number-zh");
  await officer.reload();
  await expect(officer.getByTestId("outbox-row")).toHaveCount(before);
  await expect(officer.getByText("199****0001")).toHaveCount(0);

  // Whatever is typed, no code verifies.
  await page.getByRole("textbox", { name: zh.identity.verify.code }).fill("123456");
  await page.getByRole("button", { name: zh.identity.verify.submit }).click();
  await expect(page.getByText(zh.identity.verify.wrong.replace("{left}", "4"))).toBeVisible();
});
