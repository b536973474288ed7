import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import t from "../messages/zh-CN/imports.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), template);

const run = Date.now().toString().slice(-8);
const phones = [`138${run}`, `139${run}`, `137${run}`];
const fileName = `客户导入-${run}.csv`;
// Chinese headers, a BOM and CRLF, as Excel's "CSV UTF-8" writes them; row 5 has a bad phone.
const csv = `\uFEFF${[
  "用户ID,姓名,手机号,邮箱,适用法律",
  `e2e-${run}-1,陈静,${phones[0]},chen.jing.${run}@example.com,PIPL`,
  `e2e-${run}-2,刘洋,${phones[1]},,PIPL`,
  `e2e-${run}-3,"Müller, Anna",${phones[2]},anna.${run}@example.de,GDPR`,
  `e2e-${run}-4,赵磊,12345,,PIPL`,
].join("\r\n")}\r\n`;

test.describe.serial("customer CSV import", () => {
  test("a privacy officer uploads a CSV, checks the masked preview and the bad row, and imports it", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "dpo");
    await page.goto("/customers/import");
    await expect(page.getByRole("heading", { name: t.title, level: 1 })).toBeVisible();

    await page
      .getByLabel(t.upload.file)
      .setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: t.upload.submit }).click();
    await expect(page).toHaveURL(/\/customers\/import\/[0-9a-f-]{36}$/);

    // The headers were recognised: each field's select already names its column.
    await expect(page.getByLabel(t.fields.externalRef)).toHaveValue("0");
    await expect(page.getByLabel(t.fields.phone)).toHaveValue("2");

    // The preview masks personal data; the full numbers and names are nowhere on the page.
    const preview = page.getByRole("table", { name: t.preview.title });
    await expect(
      preview.getByRole("cell", { name: `${phones[0].slice(0, 3)}****${phones[0].slice(-4)}` }),
    ).toBeVisible();
    await expect(preview.getByRole("cell", { name: "陈*" })).toBeVisible();
    const body = await page.locator("main").innerText();
    for (const secret of [...phones, "陈静", "刘洋", `chen.jing.${run}`, "12345"])
      expect(body).not.toContain(secret);

    // The validation report names row 5 and its phone problem, without the value.
    await expect(
      page.getByText(
        fill(t.report.summary.replace(/\{invalid, plural.*\}\}/, "1 行将被跳过"), { valid: 3 }),
      ),
    ).toBeVisible();
    const report = page.getByRole("table", { name: t.report.title });
    const badRow = report
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "5", exact: true }) });
    await expect(badRow).toContainText(t.fields.phone);
    await expect(badRow).toContainText(errors.phoneFormat);
    await snap(page, "import-preview");

    // Leaving the phone out re-checks every row under the new mapping: nothing is skipped then.
    await page.getByLabel(t.fields.phone).selectOption({ label: t.mapping.skip });
    await page.getByRole("button", { name: t.mapping.apply }).click();
    await expect(page).toHaveURL(/[?&]phone=&/);
    await expect(
      page.getByText(
        fill(t.report.summary.replace(/\{invalid, plural.*\}\}/, "没有行将被跳过"), { valid: 4 }),
      ),
    ).toBeVisible();
    await expect(page.getByRole("table", { name: t.report.title })).toHaveCount(0);
    await page.getByLabel(t.fields.phone).selectOption({ label: "手机号" });
    await page.getByRole("button", { name: t.mapping.apply }).click();
    await expect(page).toHaveURL(/[?&]phone=2&/);
    await expect(badRow).toContainText(errors.phoneFormat);

    await hydrated(page);
    await page.getByRole("button", { name: t.run.trigger }).click();
    const dialog = page.getByRole("dialog", { name: t.run.title });
    await expect(dialog).toContainText(fill(t.run.body, { valid: 3, invalid: 1 }));
    await snap(page, "import-confirm");
    await dialog.getByRole("button", { name: t.run.confirm }).click();

    // The job runs in the server's worker; the page refreshes itself until the result is in.
    await expect(
      page.getByText(fill(t.result.summary, { imported: 3, skipped: 1 })).first(),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    const errorsTable = page.getByRole("table", { name: t.result.errorsTitle });
    await expect(errorsTable.getByRole("row")).toHaveCount(2);
    await expect(errorsTable).toContainText(errors.phoneFormat);
    await expect(errorsTable.getByRole("cell", { name: "5", exact: true })).toBeVisible();
    await expect(page.getByText(t.result.fileCleared)).toBeVisible();
    await snap(page, "import-result");

    await page.getByRole("link", { name: t.detail.back }).click();
    const historyRow = page
      .getByRole("table", { name: t.history.title })
      .getByRole("row")
      .filter({ hasText: fileName });
    await expect(historyRow).toContainText(t.status.completed);
    await expect(historyRow.getByRole("cell", { name: "3", exact: true })).toBeVisible();
    await snap(page, "import-history");
  });

  test("a larger import shows its progress until it is done", async ({ page }) => {
    test.setTimeout(120_000);
    const rows = 5_000;
    const lines = Array.from({ length: rows }, (_, i) => `bulk-${run}-${i},客户${i},,,PIPL`);
    await signInAs(page, "dpo");
    await page.goto("/customers/import");
    await page.getByLabel(t.upload.file).setInputFiles({
      name: `批量-${run}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(`用户ID,姓名,手机号,邮箱,适用法律\n${lines.join("\n")}\n`, "utf8"),
    });
    await page.getByRole("button", { name: t.upload.submit }).click();
    await expect(page).toHaveURL(/\/customers\/import\/[0-9a-f-]{36}$/);
    await hydrated(page);
    await page.getByRole("button", { name: t.run.trigger }).click();
    await page
      .getByRole("dialog", { name: t.run.title })
      .getByRole("button", { name: t.run.confirm })
      .click();

    const bar = page.getByRole("progressbar", { name: t.progress.title });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute("aria-valuemax", String(rows));
    await snap(page, "import-progress");
    await expect(
      page.getByText(fill(t.result.summary, { imported: rows, skipped: 0 })),
    ).toBeVisible({ timeout: 90_000 });
    await expect(bar).toHaveCount(0);
  });

  test("a file saved in another encoding is refused with a clear message", async ({ page }) => {
    await signInAs(page, "dpo");
    await page.goto("/customers/import");
    // 用户ID,姓名 / u-1,张三 in GBK, uploaded as UTF-8.
    await page.getByLabel(t.upload.file).setInputFiles({
      name: "gbk.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("d3c3bba749442cd0d5c3fb0a752d312cd5c5c8fd0a", "hex"),
    });
    await page.getByRole("button", { name: t.upload.submit }).click();
    await expect(
      page.getByRole("status").filter({ hasText: t.upload.problems.notText }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/import$/);
    await snap(page, "import-refused-encoding");
  });
});
