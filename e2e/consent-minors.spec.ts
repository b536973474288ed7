import type { APIRequestContext, Browser, Page } from "@playwright/test";
import api from "../messages/zh-CN/api.json" with { type: "json" };
import en from "../messages/en/portal.json" with { type: "json" };
import zh from "../messages/zh-CN/portal.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";
import { codeFromOutbox } from "./outbox";

/*
 * Minors beyond PIPL, decided from the birth date on each law's calendar: a Californian of 15 is
 * not sold to or shared with until they opt in themselves (CCPA §1798.120(c)); a 15-year-old under
 * GDPR, below the organisation's Art. 8 age (16 by default), is asked for a parent's consent,
 * which the parent gives after proving their phone with a one-time code.
 */
const run = Date.now().toString(36);
const digits = String(Date.now()).slice(-7);
const PREFERENCES = "/p/demo/preferences";
/** Fifteen and a half today, whatever day the walk runs. */
const fifteen = (() => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - (15 * 12 + 6));
  return d.toISOString().slice(0, 10);
})();
const teen = {
  ref: `e2e-minor-ca-${run}`,
  phone: `+1415${digits}`,
  masked: `+*******${digits.slice(-4)}`,
};
const child = {
  ref: `e2e-minor-de-${run}`,
  phone: `+49151${digits}`,
  masked: `+********${digits.slice(-4)}`,
};
/** The parent's own phone: other last four digits than the child's, so the outbox tells them apart. */
const parentDigits = String(Number(digits) + 4321)
  .padStart(7, "0")
  .slice(-7);
const PARENT = `+49152${parentDigits}`;
const PARENT_MASKED = `+********${parentDigits.slice(-4)}`;

test.describe.configure({ mode: "serial" });

let officer: Page;
let token = "";
test.beforeAll(async ({ browser, request }) => {
  officer = await (await browser.newContext()).newPage();
  await signInAs(officer, "dpo");
  token = await platformKey(browser);
  const pushed = await request.post("/api/v1/customers/batch", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      items: [
        {
          externalRef: teen.ref,
          displayName: "Taylor Teen",
          phone: teen.phone,
          birthDate: fifteen,
          laws: ["CCPA"],
          region: "US-CA",
        },
        {
          externalRef: child.ref,
          displayName: "Lena Kind",
          phone: child.phone,
          birthDate: fifteen,
          laws: ["GDPR"],
          region: "DE",
        },
      ],
    },
  });
  expect(pushed.status()).toBe(200);
});
test.afterAll(() => officer.context().close());

async function platformKey(browser: Browser): Promise<string> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "owner");
  await page.goto("/settings/api");
  await page.getByRole("textbox", { name: api.fields.name }).fill(`E2E 未成年人 ${run}`);
  for (const scope of ["customers:write", "consent:read"])
    await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  await page.getByRole("button", { name: api.create.submit }).click();
  const key = ((await page.getByTestId("api-token").textContent()) ?? "").trim();
  await page.context().close();
  return key;
}

const check = async (request: APIRequestContext, ref: string) =>
  (
    await request.get(`/api/v1/customers/${ref}/consents/sale_share_ads/check`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json();

const setLocale = (page: Page, locale: "zh-CN" | "en") =>
  page
    .context()
    .addCookies([{ name: "pd_locale", value: locale, url: test.info().project.use.baseURL! }]);

async function signInToPreferences(page: Page, t: typeof zh, who: typeof teen) {
  await page.goto(PREFERENCES);
  await page.getByRole("textbox", { name: t.identity.request.phone }).fill(who.phone);
  await page.getByRole("button", { name: t.identity.request.submit }).click();
  await expect(page.getByText(t.identity.verify.sent)).toBeVisible();
  await page
    .getByRole("textbox", { name: t.identity.verify.code })
    .fill(await codeFromOutbox(officer, who.masked));
  await page.getByRole("button", { name: t.identity.verify.submit }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: t.preferences.center.heading }),
  ).toBeVisible();
}

test("a 15-year-old Californian is not sold to or shared with until they opt in themselves", async ({
  page,
  request,
}) => {
  expect(await check(request, teen.ref)).toEqual({
    allowed: false,
    reason: "opt_in_required",
    law: "CCPA",
    article: "CCPA §1798.120(c)",
  });

  await setLocale(page, "en");
  await signInToPreferences(page, en, teen);
  // No guardian at 15 under CCPA: their own opt-in decides.
  await expect(page.getByTestId("guardian-step")).toHaveCount(0);
  const card = page.getByTestId("purpose-sale_share_ads");
  await expect(card.getByTestId("purpose-status")).toHaveText(en.preferences.status.none);
  await expect(card.getByTestId("minor-note")).toHaveText(
    en.preferences.explain.optIn.replace("{article}", "CCPA §1798.120(c)"),
  );
  await expect(card.getByRole("button", { name: en.preferences.buttons.optOut })).toHaveCount(0);
  await snap(page, "consent-minors-ccpa-optin-en");
  await setLocale(page, "zh-CN");
  await page.reload();
  await expect(card.getByTestId("minor-note")).toHaveText(
    zh.preferences.explain.optIn.replace("{article}", "CCPA §1798.120(c)"),
  );
  await snap(page, "consent-minors-ccpa-optin-zh");

  await card.getByRole("button", { name: zh.preferences.buttons.grant }).click();
  await expect(card.getByTestId("purpose-status")).toHaveText(zh.preferences.status.optOutAllowed);
  await expect(card.getByTestId("minor-note")).toHaveCount(0);
  expect(await check(request, teen.ref)).toEqual({
    allowed: true,
    reason: "granted",
    law: "CCPA",
    article: "CCPA §1798.120(c)",
  });
  // Opting out again is as easy.
  await card.getByRole("button", { name: zh.preferences.buttons.optOut }).click();
  await expect(card.getByTestId("purpose-status")).toHaveText(zh.preferences.status.optedOut);
  expect(await check(request, teen.ref)).toMatchObject({ allowed: false, reason: "withdrawn" });
});

test("a 15-year-old under GDPR needs a parent's consent, which the parent gives after proving their phone", async ({
  page,
  request,
}) => {
  expect(await check(request, child.ref)).toEqual({
    allowed: false,
    reason: "guardian_required",
    law: "GDPR",
    article: "GDPR Art. 8(1)",
  });

  await setLocale(page, "en");
  await signInToPreferences(page, en, child);
  const step = page.getByTestId("guardian-step");
  await expect(step).toContainText(en.guardian.why.GDPR);
  await expect(step).not.toContainText(en.guardian.why.PIPL);
  const card = page.getByTestId("purpose-sale_share_ads");
  await expect(card.getByTestId("minor-note")).toHaveText(
    en.preferences.explain.guardian.replace("{article}", "GDPR Art. 8(1)"),
  );
  await expect(card.getByTestId("guardian-needed")).toHaveText(en.guardian.cardNote);
  await expect(card.getByRole("button", { name: en.preferences.buttons.grant })).toHaveCount(0);
  await snap(page, "consent-minors-gdpr-parent-en");
  await setLocale(page, "zh-CN");
  await page.reload();
  await expect(step).toContainText(zh.guardian.why.GDPR);
  await snap(page, "consent-minors-gdpr-parent-zh");
  await setLocale(page, "en");
  await page.reload();

  await step.getByRole("textbox", { name: en.guardian.request.phone }).fill(PARENT);
  await step.getByRole("button", { name: en.guardian.request.submit }).click();
  await expect(page.getByText(en.guardian.verify.sent)).toBeVisible();
  await page
    .getByRole("textbox", { name: en.guardian.verify.code })
    .fill(await codeFromOutbox(officer, PARENT_MASKED));
  await page.getByRole("button", { name: en.guardian.verify.submit }).click();
  await expect(page.getByTestId("guardian-verified")).toHaveText(en.guardian.verified);

  await card.getByRole("button", { name: en.preferences.buttons.grant }).click();
  await expect(card.getByTestId("purpose-status")).toHaveText(en.preferences.status.granted);
  expect(await check(request, child.ref)).toEqual({
    allowed: true,
    reason: "granted",
    law: "GDPR",
    article: "GDPR Art. 8(1)",
  });
  await snap(page, "consent-minors-gdpr-granted-en");
});
