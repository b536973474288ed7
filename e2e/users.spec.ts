import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, signInWithPassword, snap, test } from "./fixtures";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Invites a person as the signed-in admin and returns the temporary password shown once. */
async function invite(page: Page, person: { name: string; email: string; role: string }): Promise<string> {
  await page.goto("/users");
  await page.getByRole("link", { name: "邀请用户" }).click();
  await expect(page.getByText("Privacy Desk 目前尚不发送邮件")).toBeVisible();
  await page.getByLabel("姓名").fill(person.name);
  await page.getByLabel("工作邮箱").fill(person.email);
  await page.getByLabel("角色").selectOption({ label: person.role });
  await page.getByRole("button", { name: "邀请", exact: true }).click();
  const shown = page.getByTestId("temporary-password");
  await expect(shown).toBeVisible();
  return (await shown.textContent())!.trim();
}

async function asNewVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  return context.newPage();
}

test("an admin invites a user, who signs in with the one-time password and must choose their own", async ({ page, browser }) => {
  const email = `invitee-${unique()}@demo.example`;
  await signInAs(page, "admin");
  const temporary = await invite(page, { name: "新同事", email, role: "部门经理" });
  expect(temporary.replace(/-/g, "")).toHaveLength(20);
  await expect(page.getByText("此密码仅显示这一次")).toBeVisible();
  await snap(page, "users-invite-password");

  // Shown once: coming back to the page does not show it again.
  await page.goto("/users/invite");
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("部门经理");

  const invitee = await asNewVisitor(browser);
  await signInWithPassword(invitee, email, temporary);
  await expect(invitee).toHaveURL(/\/account\/password/);
  await expect(invitee.getByText("您的账户使用的是临时密码")).toBeVisible();
  const chosen = `my own passphrase ${unique()}`;
  await invitee.getByLabel("当前密码").fill(temporary);
  await invitee.getByLabel(/^新密码/).fill(chosen);
  await invitee.getByLabel("确认新密码").fill(chosen);
  await invitee.getByRole("button", { name: "修改密码" }).click();
  await expect(invitee).toHaveURL(/\/sign-in/);
  await signInWithPassword(invitee, email, chosen);
  await expect(invitee.getByRole("heading", { name: "概览" })).toBeVisible();
  await invitee.context().close();
});

test("an admin changes a member's role, then deactivates them after confirming", async ({ page }) => {
  const email = `member-${unique()}@demo.example`;
  await signInAs(page, "admin");
  await invite(page, { name: "角色测试", email, role: "员工" });
  await page.getByRole("link", { name: "查看此用户" }).click();
  await expect(page.getByRole("heading", { name: "角色测试" })).toBeVisible();

  const roleForm = page.locator("form").filter({ has: page.getByLabel("在本组织中的角色") });
  await roleForm.getByLabel("在本组织中的角色").selectOption({ label: "审计员（只读）" });
  await roleForm.getByRole("button", { name: "保存" }).click();
  await expect(roleForm.getByRole("status")).toContainText("角色已变更");
  await expect(roleForm.getByLabel("在本组织中的角色")).toHaveValue("auditor");

  // An admin cannot hand out the owner role: it is not offered.
  await expect(roleForm.getByRole("option", { name: "所有者" })).toHaveCount(0);

  await page.getByRole("button", { name: "停用", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "确定停用 角色测试？" });
  await expect(dialog).toBeVisible();
  await snap(page, "users-deactivate-confirm");
  await dialog.getByRole("button", { name: "停用", exact: true }).click();
  await expect(page.getByText("用户已停用。")).toBeVisible();
  await expect(page.getByRole("button", { name: "重新启用" })).toBeVisible();

  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("已停用");
});

test("an admin cannot demote themselves", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/users?q=admin%40demo.example");
  await page.getByRole("row").filter({ hasText: "admin@demo.example" }).getByRole("link").click();
  await expect(page.getByText("这是您本人的账户")).toBeVisible();
  await expect(page.getByLabel("在本组织中的角色")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "停用", exact: true })).toHaveCount(0);
});

test("departments are created and renamed; a duplicate name is refused on the field", async ({ page }) => {
  const name = `质检部 ${unique()}`;
  await signInAs(page, "admin");
  await page.goto("/departments");
  await page.getByLabel("名称").fill(name);
  await page.getByRole("button", { name: "创建部门" }).click();
  await expect(page.getByText("部门已创建。")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();

  await page.getByLabel("名称").fill(name);
  await page.getByRole("button", { name: "创建部门" }).click();
  await expect(page.getByText("已存在同名部门。")).toBeVisible();

  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name: /编辑/ }).click();
  // The list page has a "名称" field too: wait for the department's own page before typing.
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await page.getByLabel("名称").fill(`${name} 二组`);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("部门已保存。")).toBeVisible();
  await page.getByRole("link", { name: "全部部门" }).click();
  await expect(page.getByRole("row").filter({ hasText: `${name} 二组` })).toBeVisible();
  await snap(page, "departments-list");
});

test("the organisation's names are edited and shown in both languages", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/organization");
  const zh = page.getByLabel("中文名称");
  const en = page.getByLabel("英文名称");
  const original = { zh: await zh.inputValue(), en: await en.inputValue() };
  const suffix = unique();

  await zh.fill(`示范平台 ${suffix}`);
  await en.fill(`Demo Exchange ${suffix}`);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("组织设置已保存。")).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(`示范平台 ${suffix}`);

  await page.getByRole("banner").getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.getByRole("heading", { name: "Organisation" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(`Demo Exchange ${suffix}`);
  await expect(page.getByLabel("Name (English)")).toHaveValue(`Demo Exchange ${suffix}`);
  await snap(page, "organization-settings-en");

  // Put the demo names back for the other specs, and the language.
  await page.getByLabel("Name (Chinese)").fill(original.zh);
  await page.getByLabel("Name (English)").fill(original.en);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The organisation settings have been saved.")).toBeVisible();
  await page.getByRole("banner").getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "组织" })).toBeVisible();
});
