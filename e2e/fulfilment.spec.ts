import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import c from "../messages/zh-CN/customers.json" with { type: "json" };
import f from "../messages/zh-CN/fulfilment.json" with { type: "json" };
import r from "../messages/zh-CN/requests.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";
import { enterVerifiedRequest } from "./request-intake";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.

test.describe.serial("request fulfilment", () => {
  test("a rectification taken by phone: staff record the corrected address and approve it field by field", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await enterVerifiedRequest(page, "u-10002", "rectification");
    const section = page.getByTestId("fulfilment");
    await expect(section.getByText(f.rectification.none)).toBeVisible();
    await section.getByRole("combobox", { name: f.rectification.field }).selectOption("phone");
    await section.getByRole("textbox", { name: f.rectification.value }).fill("not a phone");
    await section.getByRole("button", { name: f.rectification.add, exact: true }).click();
    await expect(section.locator("#value-error")).not.toBeEmpty();
    await section.getByRole("combobox", { name: f.rectification.field }).selectOption("address");
    await section
      .getByRole("textbox", { name: f.rectification.value })
      .fill("上海市徐汇区衡山路 18 号");
    await section.getByRole("button", { name: f.rectification.add, exact: true }).click();
    const row = page.getByTestId("rectification-address");
    await expect(row).toContainText("上海市徐汇区衡山路 18 号");
    await snap(page, "fulfilment-rectification-pending");
    await row.getByRole("button", { name: f.rectification.approve, exact: true }).click();
    await expect(row).toContainText(f.rectification.decisions.approved);
    await expect(
      page
        .getByTestId("next-step")
        .getByRole("button", { name: r.actions.completeSubmit, exact: true }),
    ).toBeVisible();
    await snap(page, "fulfilment-rectification-approved");
  });

  test("a privacy officer builds 张伟's access package, waits for it and downloads the decrypted profile and orders", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await enterVerifiedRequest(page, "u-10001", "access");
    const section = page.getByTestId("fulfilment");
    await expect(section.getByRole("heading", { name: f.heading.export })).toBeVisible();
    await expect(section.getByText(f.export.none)).toBeVisible();
    await snap(page, "fulfilment-access-before");

    await section.getByRole("button", { name: f.export.build, exact: true }).click();
    // Built by the background job; the section polls until it is ready.
    await expect(page.getByTestId("export-status")).toHaveText(f.export.status.ready, {
      timeout: 45_000,
    });
    await expect(page.getByTestId("export-counts")).toContainText(`${f.datasets.orders}:`);
    await snap(page, "fulfilment-access-ready");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: f.export.download }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^R-\d{4}-\d{6}-data-package\.zip$/);
    const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const profile = JSON.parse(strFromU8(entries["profile.json"]));
    expect(profile).toMatchObject({
      displayName: "张伟",
      phone: "+8613800138000",
      externalRef: "u-10001",
    });
    const orders = JSON.parse(strFromU8(entries["orders.json"]));
    expect(orders.length).toBeGreaterThan(0);
    expect(strFromU8(entries["orders.csv"])).toContain("priceCents");
    expect(strFromU8(entries["summary.html"])).toContain("张伟");

    await page.reload();
    await expect(section.getByText(f.export.downloads)).toBeVisible();
    await expect(page.getByTestId("timeline")).toBeVisible();
    await snap(page, "fulfilment-access-downloaded");
  });

  test("an erasure: confirm, vendor tasks appear, each is settled, the request completes and the customer is gone", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await enterVerifiedRequest(page, "u-20001", "erasure", "en");
    const section = page.getByTestId("fulfilment");
    await expect(section.getByRole("heading", { name: f.heading.erasure })).toBeVisible();
    await expect(page.getByTestId("retention-holds")).toBeVisible();
    await snap(page, "fulfilment-erasure-preview");

    await hydrated(page);
    await section.getByRole("button", { name: f.erasure.erase, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: f.erasure.confirmTitle });
    await expect(dialog).toBeVisible();
    await snap(page, "fulfilment-erasure-confirm");
    await dialog.getByRole("button", { name: f.erasure.confirm, exact: true }).click();
    await expect(section.getByText(f.erasure.done)).toBeVisible();

    const tasks = page.getByTestId("vendor-task");
    const count = await tasks.count();
    expect(count).toBeGreaterThan(0);
    await expect(page.getByTestId("complete-blocked")).toHaveText(f.blocker.openVendorTasks);
    await expect(
      page
        .getByTestId("next-step")
        .getByRole("button", { name: r.actions.completeSubmit, exact: true }),
    ).toHaveCount(0);
    await snap(page, "fulfilment-erasure-tasks");

    for (let i = 0; i < count; i++) {
      const open = tasks
        .filter({ has: page.getByRole("button", { name: f.erasure.confirmTask, exact: true }) })
        .first();
      const name = i === 0 ? f.erasure.notApplicable : f.erasure.confirmTask;
      await open.getByRole("button", { name, exact: true }).click();
      await expect(
        tasks.getByRole("button", { name: f.erasure.confirmTask, exact: true }),
      ).toHaveCount(count - i - 1);
    }
    await expect(
      page
        .getByTestId("next-step")
        .getByRole("button", { name: r.actions.completeSubmit, exact: true }),
    ).toBeVisible();
    await snap(page, "fulfilment-erasure-settled");
    await page
      .getByTestId("next-step")
      .getByRole("button", { name: r.actions.completeSubmit, exact: true })
      .click();
    await expect(page.getByTestId("request-header-badges")).toContainText(r.status.completed);
    await snap(page, "fulfilment-erasure-completed");
    // The requester's explanation follows the request's language (en), and only names the holds that apply.
    await expect(section.getByText(/Records of your consent choices/)).toBeVisible();
    const requestUrl = page.url();
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: requestUrl }]);
    await page.reload();
    await expect(section.getByRole("heading", { name: "Fulfilment: erasure" })).toBeVisible();
    await snap(page, "fulfilment-erasure-completed-en");
    await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: requestUrl }]);

    await page.goto("/customers");
    await page.getByLabel(c.search.by).selectOption("phone");
    await page.getByLabel(c.search.value).fill("+4915112345678");
    await page.getByRole("button", { name: c.search.submit, exact: true }).click();
    await expect(page.getByText(c.search.noMatch, { exact: true })).toBeVisible();
    await snap(page, "fulfilment-erasure-search");
  });
});
