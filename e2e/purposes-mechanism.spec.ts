import en from "../messages/en/purposes.json" with { type: "json" };
import enOverview from "../messages/en/overview.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import overview from "../messages/zh-CN/overview.json" with { type: "json" };
import t from "../messages/zh-CN/purposes.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";
import { PURPOSE_LACKING_MECHANISM as code } from "./purpose-lacking-mechanism";

/** An ICU message for a count of one: its `one` branch, with # as 1. */
const oneOf = (message: string) =>
  message.replace(/\{count, plural, one \{(.*?)\} other \{.*?\}\}/, "$1").replace("#", "1");

// PIPL Art. 38: a purpose sending data abroad names its transfer mechanism. One saved before the
// field existed (seeded by e2e/server.ts) is flagged on the overview, in the purposes list and in
// a notice naming it, and an edit must give it one before anything else is saved.
test.describe.serial("purposes: a cross-border purpose without a transfer mechanism", () => {
  test("in English: flagged on the overview and in the list, naming the purpose", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "dpo");
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.goto("/");
    await expect(page.getByTestId("overview-mechanism-missing")).toContainText(
      oneOf(enOverview.purposesMechanismMissing),
    );
    await page.getByTestId("overview-mechanism-missing").click();
    await expect(page).toHaveURL(/\/purposes$/);
    await expect(page.getByTestId("purposes-mechanism-missing")).toHaveText(
      oneOf(en.attention.mechanismMissing).replace("{codes}", code),
    );
    await expect(
      page.getByRole("row", { name: new RegExp(code) }).getByText(en.status.mechanismMissing),
    ).toBeVisible();
    await snap(page, "purposes-mechanism-list-en");
  });

  test("is flagged on the overview and the purposes list, refused an edit without one, and clear once it has one", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/");
    const flag = page.getByTestId("overview-mechanism-missing");
    await expect(flag).toContainText(overview.purposesMechanismMissing.replace("{count}", "1"));
    await snap(page, "purposes-mechanism-overview-zh");
    await flag.click();
    await expect(page).toHaveURL(/\/purposes$/);

    await expect(page.getByTestId("purposes-mechanism-missing")).toContainText(code);
    const row = page.getByRole("row", { name: new RegExp(code) });
    await expect(row.getByText(t.status.mechanismMissing)).toBeVisible();
    // Only that purpose: the seeded cross-border ones name theirs.
    await expect(page.getByText(t.status.mechanismMissing, { exact: true })).toHaveCount(1);
    await snap(page, "purposes-mechanism-list-zh");

    await row.getByRole("link", { name: code }).click();
    await hydrated(page);
    await expect(page.getByLabel(t.fields.crossBorderDestination)).toHaveValue("SG");
    await expect(page.getByLabel(t.fields.transferMechanism)).toHaveValue("");
    // Another change alone is refused next to the mechanism, and nothing is saved.
    await page.getByLabel(t.fields.nameEn).fill("Customer support in Singapore");
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.locator("#transferMechanism-error")).toHaveText(
      errors.purposeMechanismRequired,
    );
    await expect(page).not.toHaveURL(/notice=/);
    await snap(page, "purposes-mechanism-refused-zh");

    await page.getByLabel(t.fields.transferMechanism).selectOption("standard_contract");
    await page.getByRole("button", { name: t.save }).click();
    await expect(page).toHaveURL(/notice=updated$/);
    await expect(page.getByRole("status").filter({ hasText: t.notices.updated })).toBeVisible();
    await expect(page.getByLabel(t.fields.transferMechanism)).toHaveValue("standard_contract");

    await page.goto("/purposes");
    await expect(page.getByTestId("purposes-mechanism-missing")).toHaveCount(0);
    await expect(page.getByText(t.status.mechanismMissing, { exact: true })).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByTestId("overview-mechanism-missing")).toHaveCount(0);
    await snap(page, "purposes-mechanism-cleared-zh");
  });
});
