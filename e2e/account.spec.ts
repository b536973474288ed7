import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./accounts";
import { expect, snap, test } from "./fixtures";
import { freshCode, rememberSecret } from "./totp-codes";

const email = "two-factor@demo.example";

async function submitPassword(page: Page) {
  await page.goto("/sign-in");
  await page.getByRole("textbox", { name: "邮箱", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Password, then the second-factor prompt the server asks for once 2FA is on. */
async function signInWithCode(page: Page, code: string) {
  await submitPassword(page);
  await expect(page.getByLabel("两步验证码")).toBeVisible();
  await page.getByLabel("两步验证码").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

const overview = (page: Page) => page.getByRole("heading", { name: "概览" });

test("a privacy officer enrols two-factor authentication, then signs in with a code and once with a recovery code", async ({
  page,
}) => {
  await test.step("the first sign-in leads to enrolment, before anything else", async () => {
    await submitPassword(page);
    await expect(page).toHaveURL(/\/account\/two-factor/);
    await expect(page.getByRole("heading", { name: "两步验证" })).toBeVisible();
    await expect(page.getByRole("img", { name: /二维码/ })).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/account\/two-factor/);
  });

  const codes =
    await test.step("confirming a code from the shown key turns 2FA on and shows recovery codes once", async () => {
      const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(
        /\s+/g,
        "",
      );
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      rememberSecret(email, secret);
      await snap(page, "two-factor-enrol");
      await page.getByLabel("App 中的验证码").fill(await freshCode(email, secret));
      await page.getByRole("button", { name: "确认并启用" }).click();
      const list = page.getByTestId("recovery-codes").getByRole("listitem");
      await expect(list).toHaveCount(10);
      await snap(page, "two-factor-recovery-codes");
      const shown = await list.allTextContents();
      await page.getByRole("button", { name: "继续前往概览" }).click();
      await expect(overview(page)).toBeVisible();
      return shown;
    });

  await test.step("after signing out, sign-in needs password and a fresh authenticator code", async () => {
    await signOut(page);
    await signInWithCode(page, await freshCode(email));
    await expect(overview(page)).toBeVisible();
  });

  await test.step("a recovery code signs in once, and only once", async () => {
    await signOut(page);
    await signInWithCode(page, codes[0]);
    await expect(overview(page)).toBeVisible();
    await page.goto("/account/two-factor");
    await expect(page.getByTestId("recovery-codes-left")).toContainText("剩余 9 个恢复码");
    await snap(page, "two-factor-enrolled");
    await signOut(page);
    await signInWithCode(page, codes[0]);
    await expect(page.getByRole("alert").filter({ hasText: "不正确" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
