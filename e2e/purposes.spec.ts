import categories from "../messages/zh-CN/dataCategories.json" with { type: "json" };
import en from "../messages/en/purposes.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import t from "../messages/zh-CN/purposes.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const code = `e2e_share_${Date.now().toString(36)}`;
const nameZh = "向合作商户提供会员等级";

test.describe.serial("purposes catalogue", () => {
  test("a privacy officer creates a separate-consent purpose, fixes a refusal, edits and archives it; the catalogue in English", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/purposes");
    // The seeded catalogue is there.
    const table = page.getByRole("table", { name: t.list.caption });
    await expect(table.getByRole("link", { name: "contact_for_redemption" })).toBeVisible();
    await snap(page, "purposes-list-zh");

    await page.getByRole("link", { name: t.new }).first().click();
    await expect(page).toHaveURL(/\/purposes\/new$/);
    await page.getByLabel(t.fields.code).fill(code);
    await page.getByLabel(t.fields.nameZh).fill(nameZh);
    await page
      .getByLabel(t.fields.nameEn)
      .fill("Share your membership level with partner merchants");
    await page
      .getByLabel(t.fields.descriptionZh)
      .fill("把您的会员等级告诉合作商户，以便到店享受对应折扣。");
    await page
      .getByLabel(t.fields.descriptionEn)
      .fill(
        "We tell partner merchants your membership level so you get the matching discount in store.",
      );
    await page.getByRole("radio", { name: t.options.consentKinds.separate }).check();
    await page.getByRole("checkbox", { name: categories.transactions, exact: true }).check();
    await page.getByRole("checkbox", { name: "悦享 KTV 连锁（商户 POS）" }).check();

    // Separate consent without a reason: refused next to the reasons, nothing typed is lost.
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.locator("#separateGrounds-error")).toHaveText(errors.purposeGroundRequired);
    await expect(page.getByLabel(t.fields.nameZh)).toHaveValue(nameZh);
    await expect(page.getByRole("checkbox", { name: "悦享 KTV 连锁（商户 POS）" })).toBeChecked();
    await snap(page, "purposes-new-refused-zh");

    await page.getByRole("checkbox", { name: t.options.grounds.sharing, exact: true }).check();
    await page.getByLabel(t.fields.policyDocumentId).selectOption({ index: 1 });
    await page.getByRole("button", { name: t.create }).click();
    await expect(page).toHaveURL(/\/purposes\/[0-9a-f-]{36}\?notice=created$/);
    await expect(page.getByRole("status").filter({ hasText: t.notices.created })).toBeVisible();
    await expect(page.getByRole("heading", { name: nameZh })).toBeVisible();
    await expect(
      page.getByRole("checkbox", { name: t.options.grounds.sharing, exact: true }),
    ).toBeChecked();
    await snap(page, "purposes-editor-zh");

    // Edit: a sensitive category locks the sensitive flag on, and is saved.
    await page
      .getByRole("checkbox", {
        name: t.sensitiveCategory
          .replace("{label}", categories.location)
          .replace("{laws}", ["PIPL", "CCPA"].join(t.lawJoiner)),
      })
      .check();
    await expect(
      page.getByRole("checkbox", { name: new RegExp(`^${t.fields.sensitive}`) }),
    ).toBeChecked();
    await page.getByRole("checkbox", { name: t.options.grounds.sensitive, exact: true }).check();
    await page.getByRole("button", { name: t.save }).click();
    await expect(page).toHaveURL(/notice=updated$/);
    await expect(page.getByRole("status").filter({ hasText: t.notices.updated })).toBeVisible();
    const detailUrl = page.url().replace(/\?.*$/, "");

    await page.goto("/purposes");
    const row = page
      .getByRole("table", { name: t.list.caption })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: code }) });
    await expect(row.getByText(t.sensitiveMark, { exact: true })).toBeVisible();
    await expect(row.getByText(t.options.grounds.sharing)).toBeVisible();

    await page.goto(detailUrl);
    await hydrated(page);
    await page.getByRole("button", { name: t.archive.button }).click();
    const dialog = page.getByRole("dialog", { name: t.archive.title });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: t.archive.confirm }).click();
    await expect(page).toHaveURL(/notice=archived$/);
    await expect(page.getByText(t.archivedNoticeEditor)).toBeVisible();
    await expect(page.getByRole("button", { name: t.restore.button })).toBeVisible();

    await page.goto("/purposes");
    await expect(
      page.getByRole("heading", { name: t.list.archivedTitle.replace("{count}", "1") }),
    ).toBeVisible();
    await expect(
      page.getByRole("table", { name: t.list.caption }).getByRole("link", { name: code }),
    ).toHaveCount(0);
    await expect(page.getByRole("link", { name: code })).toBeVisible();

    // The same catalogue and editor in English (a second sign-in is not needed for that).
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.goto("/purposes");
    await expect(page.getByRole("heading", { name: en.title, exact: true })).toBeVisible();
    await snap(page, "purposes-list-en");
    await page.getByRole("link", { name: "cross_border_storage" }).click();
    await expect(page.getByLabel(en.fields.crossBorderDestination)).toHaveValue("SG");
    // A basis per law: legitimate interest is offered under GDPR, never under PIPL; opt-out only under CCPA.
    await expect(
      page.getByLabel(en.fields.basisPIPL).locator("option[value=legitimate_interest]"),
    ).toHaveCount(0);
    await expect(page.getByLabel(en.fields.basisPIPL).locator("option[value=opt_out]")).toHaveCount(
      0,
    );
    await page.getByLabel(en.fields.basisGDPR).selectOption("legitimate_interest");
    await snap(page, "purposes-editor-en");
  });

  test("an employee reads the catalogue without any way to change it", async ({ page }) => {
    await signInAs(page, "employee");
    await page.goto("/purposes");
    await expect(page.getByRole("table", { name: t.list.caption })).toBeVisible();
    await expect(page.getByRole("link", { name: t.new })).toHaveCount(0);
    await snap(page, "purposes-list-employee-zh");

    await page.getByRole("link", { name: "real_name_verification" }).click();
    await expect(page.getByText(t.readOnlyNotice)).toBeVisible();
    await expect(page.getByRole("button", { name: t.archive.button })).toHaveCount(0);
    await expect(page.getByRole("button", { name: t.save })).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await snap(page, "purposes-detail-employee-zh");

    await page.goto("/purposes/new");
    await expect(page.getByRole("heading", { name: errors.forbiddenPage })).toBeVisible();
  });
});
