import { readFile } from "node:fs/promises";
import { expect, signInAs, snap, test } from "./fixtures";

test("a privacy officer reads, filters and verifies the audit log, and takes a signed checkpoint", async ({
  page,
}) => {
  await signInAs(page, "dpo");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "审计日志", level: 1 })).toBeVisible();
  const events = page.getByRole("table", { name: "审计事件，最新的在前" });
  // Signing in just now was recorded.
  await expect(events.getByRole("cell", { name: "auth.signed_in" }).first()).toBeVisible();

  await page.getByLabel("操作", { exact: true }).selectOption("auth.signed_in");
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/action=auth\.signed_in/);
  // The filtered page streams in after the URL changes: assert with retrying locators.
  const actions = events.locator("tbody tr td:nth-child(4) .font-mono");
  await expect(actions.first()).toHaveText("auth.signed_in");
  await expect(actions.filter({ hasNotText: "auth.signed_in" })).toHaveCount(0);
  await snap(page, "audit-filtered-zh");

  await page.getByRole("link", { name: "校验哈希链" }).click();
  await expect(page.getByTestId("chain-verdict")).toHaveAttribute("data-intact", "true");
  await expect(page.getByTestId("chain-verdict")).toContainText(/完整，截至第 \d+ 号/);
  await snap(page, "audit-verified-zh");

  await page.getByRole("button", { name: "立即创建检查点" }).click();
  await expect(page.getByText(/已在第 \d+ 号事件处签名检查点/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page
    .getByRole("link", { name: /以 JSON 下载第 \d+ 号检查点/ })
    .first()
    .click();
  const file = await (await download).path();
  const checkpoint = JSON.parse(await readFile(file, "utf8"));
  expect(checkpoint).toMatchObject({
    algorithm: "Ed25519",
    payload: { seq: expect.any(Number) },
    publicKey: expect.stringContaining("PUBLIC KEY"),
  });
  await expect(page.getByTestId("key-fingerprint").first()).toContainText(
    checkpoint.keyId.slice(0, 4),
  );

  await page.goto("/audit/checkpoints");
  await page.getByLabel("检查点 JSON").fill(JSON.stringify(checkpoint));
  await page.getByRole("button", { name: "校验检查点" }).click();
  await expect(page.getByTestId("checkpoint-verdict")).toContainText(
    `有效：第 ${checkpoint.payload.seq} 号检查点`,
  );
  await snap(page, "audit-checkpoint-verified-zh");
});

test("an employee cannot open the audit log", async ({ page }) => {
  await signInAs(page, "employee");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await expect(page.getByRole("link", { name: "审计日志" })).toHaveCount(0);
});
