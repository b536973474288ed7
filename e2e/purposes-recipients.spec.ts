import type { APIRequestContext, Browser, Page } from "@playwright/test";
import api from "../messages/zh-CN/api.json" with { type: "json" };
import categories from "../messages/zh-CN/dataCategories.json" with { type: "json" };
import enCategories from "../messages/en/dataCategories.json" with { type: "json" };
import en from "../messages/en/purposes.json" with { type: "json" };
import enErrors from "../messages/en/errors.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import t from "../messages/zh-CN/purposes.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings, so the test follows the wording instead of copying it.
type Texts = typeof t;
const stamp = Date.now().toString(36);
/** The seeded ad partner: an independent handler in mainland China (db/seed/vendors.ts). */
const adPartner = "巨量引擎";

/** A message with one vendor named and no others (the ICU plural's =0 branch is empty). */
const naming = (message: string, vendor: string) =>
  message.replace("{vendor}", vendor).replace(/\{others, plural, .*?\}\}/, "");

/**
 * A current grant of `purpose` by a new customer, recorded through the API as the platform would:
 * the re-consent question counts current grants, and another spec's material policy change (run
 * earlier on the same server) makes every older grant no longer current.
 */
async function grantNow(browser: Browser, request: APIRequestContext, purpose: string) {
  const context = await browser.newContext();
  const owner = await context.newPage();
  await signInAs(owner, "owner");
  await owner.goto("/settings/api");
  await owner
    .getByRole("textbox", { name: api.fields.name })
    .fill(`E2E 重新同意 ${purpose} ${stamp}`);
  for (const scope of ["customers:write", "consent:write"])
    await owner.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  await owner.getByRole("button", { name: api.create.submit }).click();
  const token = (await owner.getByTestId("api-token").textContent())!.trim();
  await context.close();
  const headers = { Authorization: `Bearer ${token}` };
  const customerRef = `e2e-reconsent-${purpose}-${stamp}`;
  const created = await request.post("/api/v1/customers/batch", {
    headers,
    data: { items: [{ externalRef: customerRef }] },
  });
  expect(created.status()).toBe(200);
  const granted = await request.post("/api/v1/consent-events", {
    headers,
    data: {
      items: [
        {
          customerRef,
          purpose,
          action: "grant",
          occurredAt: new Date().toISOString(),
          channel: "app",
          ip: "203.0.113.78",
          locale: "zh-CN",
        },
      ],
    },
  });
  expect(granted.status()).toBe(200);
}

async function newPurpose(page: Page, texts: Texts, code: string, dataCategory: string) {
  await page.goto("/purposes/new");
  await hydrated(page);
  await page.getByLabel(texts.fields.code).fill(code);
  await page.getByLabel(texts.fields.nameZh).fill("向广告合作伙伴提供设备标识");
  await page.getByLabel(texts.fields.nameEn).fill("Device identifiers for our advertising partner");
  await page
    .getByLabel(texts.fields.descriptionZh)
    .fill("把您的设备标识和浏览行为提供给广告合作伙伴，由其在其他 App 中向您展示广告。");
  await page
    .getByLabel(texts.fields.descriptionEn)
    .fill(
      "We give your device identifiers and browsing to our advertising partner, which shows you ads in other apps.",
    );
  await page.getByRole("checkbox", { name: dataCategory, exact: true }).check();
  await page.getByRole("checkbox", { name: adPartner }).check();
}

test.describe.serial("purposes: recipients, destination and re-consent", () => {
  test("an officer sharing with an independent handler is told separate consent with the sharing ground is needed; a recipient outside the destination is refused by name", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await newPurpose(page, t, `e2e_ads_${stamp}`, categories.device);
    // Said before saving, from the vendor's role…
    await expect(page.getByText(t.form.sharingNotice)).toBeVisible();
    await page.getByRole("button", { name: t.create }).click();
    // …and refused by the server next to the consent kind (PIPL Art. 23).
    await expect(page.locator("#consentKind-error")).toHaveText(errors.purposeSharingNeedsSeparate);
    await expect(page.getByRole("checkbox", { name: adPartner })).toBeChecked();
    await snap(page, "purposes-sharing-refused-zh");

    await page.getByRole("radio", { name: t.options.consentKinds.separate }).check();
    await page.getByRole("checkbox", { name: t.options.grounds.sharing, exact: true }).check();
    await page.getByRole("checkbox", { name: t.options.grounds.cross_border, exact: true }).check();
    await page.getByLabel(t.fields.crossBorderDestination).selectOption("US");
    await page.getByLabel(t.fields.transferMechanism).selectOption("standard_contract");
    await page.getByRole("button", { name: t.create }).click();
    // The partner is in mainland China, not in the United States: refused, naming it.
    await expect(page.locator("#recipientVendorIds-error")).toHaveText(
      naming(errors.purposeRecipientOutsideDestination, adPartner),
    );
    await expect(page.getByLabel(t.fields.transferMechanism)).toHaveValue("standard_contract");
    await snap(page, "purposes-country-refused-zh");

    // Nothing leaves the country after all: the destination goes, and the purpose is saved.
    await page
      .getByRole("checkbox", { name: t.options.grounds.cross_border, exact: true })
      .uncheck();
    await page.getByLabel(t.fields.crossBorderDestination).selectOption("");
    await page.getByRole("button", { name: t.create }).click();
    await expect(page).toHaveURL(/\/purposes\/[0-9a-f-]{36}\?notice=created$/);
    await expect(
      page.getByRole("checkbox", { name: t.options.grounds.sharing, exact: true }),
    ).toBeChecked();
  });

  test("a material change to a consent-based purpose shows how many customers it affects and needs a confirmation", async ({
    page,
    browser,
    request,
  }) => {
    await grantNow(browser, request, "personalised_recommendations");
    await signInAs(page, "dpo");
    await page.goto("/purposes");
    await page.getByRole("link", { name: "personalised_recommendations" }).click();
    await hydrated(page);
    await page.getByRole("checkbox", { name: categories.device, exact: true }).check();
    await page.getByRole("button", { name: t.save }).click();
    const question = page.locator("#confirmReconsent-error");
    await expect(question).toHaveText(/^该变更将要求 [1-9][\d,]* 位客户重新同意。$/);
    // Nothing was saved: the page still edits the stored purpose, with the change kept in the form.
    await expect(page).not.toHaveURL(/notice=/);
    await expect(
      page.getByRole("checkbox", { name: categories.device, exact: true }),
    ).toBeChecked();
    await snap(page, "purposes-reconsent-confirm-zh");

    await page.getByRole("checkbox", { name: t.form.reconsentConfirm }).check();
    await page.getByRole("button", { name: t.save }).click();
    await expect(page).toHaveURL(/notice=updated$/);
    await expect(page.getByRole("status").filter({ hasText: t.notices.updated })).toBeVisible();
    await expect(page.locator("#confirmReconsent-error")).toHaveCount(0);
  });

  test("the same refusals and confirmation in English", async ({
    page,
    baseURL,
    browser,
    request,
  }) => {
    await grantNow(browser, request, "analytics_sdk");
    await signInAs(page, "dpo");
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await newPurpose(page, en as unknown as Texts, `e2e_ads_en_${stamp}`, enCategories.device);
    await page.getByLabel(en.fields.crossBorderDestination).selectOption("SG");
    await page.getByRole("button", { name: en.create }).click();
    await expect(page.locator("#consentKind-error")).toHaveText(
      enErrors.purposeSharingNeedsSeparate,
    );
    await expect(page.locator("#transferMechanism-error")).toHaveText(
      enErrors.purposeMechanismRequired,
    );
    await snap(page, "purposes-sharing-refused-en");

    await page.goto("/purposes");
    await page.getByRole("link", { name: "analytics_sdk" }).click();
    await hydrated(page);
    await page.getByRole("checkbox", { name: enCategories.preferences, exact: true }).check();
    await page.getByRole("button", { name: en.save }).click();
    await expect(page.locator("#confirmReconsent-error")).toHaveText(
      /^This change will ask [1-9][\d,]* customers to consent again\.$/,
    );
    await snap(page, "purposes-reconsent-confirm-en");
  });
});
