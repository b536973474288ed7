import type { Page } from "@playwright/test";
import common from "../messages/zh-CN/common.json" with { type: "json" };
import t from "../messages/zh-CN/keys.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), template);

const inventory = (page: Page) => page.getByRole("table", { name: t.inventory.heading });
/** The inventory row whose header names `name` exactly (e.g. 组织密钥 v1, not v10). */
const keyRow = (page: Page, name: string) =>
  inventory(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}(\\s|$)`) }) });

test.describe.serial("key inventory and rotation", () => {
  test("an owner sees every key, rotates the organisation key and watches it complete", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "owner");
    await page.goto("/settings/keys");
    await expect(page.getByRole("heading", { name: t.title, level: 1 })).toBeVisible();

    const v1 = keyRow(page, fill(t.inventory.orgKey, { version: 1 }));
    await expect(v1.getByRole("cell", { name: t.status.primary })).toBeVisible();
    // The demo customers' keys and voucher codes are under v1; nothing shows key material.
    await expect(v1).toContainText(/数据密钥 [1-9][\d,]* 个/);
    await expect(keyRow(page, t.inventory.master)).toContainText(/env:[0-9a-f]{16}/);
    await expect(keyRow(page, fill(t.inventory.blindIndex, { version: 1 }))).toBeVisible();
    for (const name of [
      t.inventory.dataKeys,
      t.inventory.totp,
      t.inventory.auditSigning,
      t.inventory.session,
    ]) {
      await expect(keyRow(page, name)).toBeVisible();
    }
    await expect(page.getByText(t.rotation.none)).toBeVisible();
    await snap(page, "keys-inventory-zh");

    await hydrated(page);
    await page.getByRole("button", { name: t.rotation.rotate }).click();
    const dialog = page.getByRole("dialog", { name: t.rotation.confirmTitle });
    await expect(dialog).toBeVisible();
    await snap(page, "keys-rotate-confirm");
    await dialog.getByRole("button", { name: t.rotation.confirm }).click();

    // The job runs in the server's worker; the bar follows it until it completes.
    const bar = page.getByRole("progressbar", {
      name: fill(t.rotation.progressLabel, { version: 2 }),
    });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
    await expect(page.getByTestId("rotation-progress-text")).toContainText(
      t.rotationStatus.completed,
    );
    const [done, total] = ((await page.getByTestId("rotation-progress-text").textContent()) ?? "")
      .split("·")[0]
      .split("/")
      .map((n) => Number(n.replace(/\D/g, "")));
    expect(total).toBeGreaterThan(0);
    expect(done).toBe(total);
    // While it runs the bar reads only this (one row), not the whole inventory again.
    const progress = await page.request.get("/settings/keys/progress");
    expect(progress.headers()["cache-control"]).toBe("no-store");
    expect(await progress.json()).toEqual({
      id: expect.any(String),
      status: "completed",
      done,
      total,
    });

    await expect(
      keyRow(page, fill(t.inventory.orgKey, { version: 1 })).getByRole("cell", {
        name: t.status.destroyed,
      }),
    ).toBeVisible();
    await expect(
      keyRow(page, fill(t.inventory.orgKey, { version: 2 })).getByRole("cell", {
        name: t.status.primary,
      }),
    ).toBeVisible();
    await expect(keyRow(page, fill(t.inventory.blindIndex, { version: 1 }))).toHaveCount(0);
    await expect(keyRow(page, fill(t.inventory.orgKey, { version: 2 }))).toContainText(
      /数据密钥 [1-9][\d,]* 个/,
    );
    const history = page.getByRole("table", { name: t.history.heading });
    await expect(history.getByRole("row").filter({ hasText: "v2" })).toContainText(
      t.rotationStatus.completed,
    );
    await snap(page, "keys-rotated-zh");
  });

  test("an auditor sees the inventory but cannot rotate", async ({ page }) => {
    await signInAs(page, "auditor");
    await page.goto("/settings/keys");
    await expect(
      keyRow(page, fill(t.inventory.orgKey, { version: 2 })).getByRole("cell", {
        name: t.status.primary,
      }),
    ).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByRole("button", { name: t.rotation.rotate })).toHaveCount(0);
    await expect(page.getByRole("button", { name: common.cancel })).toHaveCount(0);
    await snap(page, "keys-auditor-zh");
  });
});
