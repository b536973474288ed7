import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, snap, test } from "./fixtures";
import { DEMO_PASSWORD } from "./accounts";
import { invitationLinkFromOutbox } from "./outbox";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const masked = (email: string) => `${email[0]}***@${email.split("@")[1]}`;

/** Invites a person as the signed-in admin; the answer is the same whoever the address belongs to. */
async function invite(page: Page, person: { name: string; email: string; role: string }) {
  await page.goto("/users");
  await page.getByRole("link", { name: "邀请用户" }).click();
  await expect(page.getByText("邀请将通过邮件发送，链接 7 天内有效")).toBeVisible();
  await page.getByLabel("姓名").fill(person.name);
  await page.getByLabel("工作邮箱").fill(person.email);
  await page.getByLabel("角色").selectOption({ label: person.role });
  await page.getByRole("button", { name: "邀请", exact: true }).click();
  await expect(page.getByText(`已向 ${person.email} 发送邀请。`)).toBeVisible();
}

async function asNewVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  return context.newPage();
}

test("an admin invites a new colleague, who opens the emailed link, sets up an account and lands in the organisation", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000); // two people, each signing in
  const email = `invitee-${unique()}@demo.example`;
  await signInAs(page, "admin");
  await invite(page, { name: "新同事", email, role: "员工" });
  await snap(page, "users-invite-sent");

  // Not a member until they accept: listed as an open invitation only.
  await page.goto("/users");
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText(
    "等待对方接受",
  );
  await expect(
    page.getByRole("table", { name: "用户" }).getByRole("row").filter({ hasText: email }),
  ).toHaveCount(0);
  await snap(page, "users-open-invitations");
  const link = await invitationLinkFromOutbox(page, masked(email), "outbox-invitation");

  const invitee = await asNewVisitor(browser);
  await invitee.goto(link);
  await expect(invitee.getByTestId("invitation-summary")).toContainText("您受邀以“员工”身份加入");
  await expect(invitee.getByLabel("您的姓名")).toHaveValue("新同事");
  await snap(invitee, "invitation-new-account");
  const chosen = `my own passphrase ${unique()}`;
  await invitee.getByLabel(/^密码/).fill(chosen);
  await invitee.getByLabel("确认密码").fill(chosen);
  await invitee.getByRole("button", { name: "创建账户并加入" }).click();
  await invitee.waitForURL((url) => !url.pathname.startsWith("/invitations"));
  await expect(invitee.getByRole("button", { name: "用户菜单" })).toContainText("新同事");
  await snap(invitee, "invitation-joined");

  // The link was single-use.
  await invitee.goto(link);
  await expect(invitee.getByText("此邀请链接无效。")).toBeVisible();
  await invitee.context().close();

  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("员工");
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);
});

test("someone who already has an account elsewhere signs in on the invitation page and accepts", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000); // two people, each signing in
  const email = "elsewhere@harbour.example";
  await signInAs(page, "admin");
  await invite(page, { name: "林悦", email, role: "部门经理" });
  const link = await invitationLinkFromOutbox(page, masked(email));

  const invitee = await asNewVisitor(browser);
  await invitee.goto(link);
  await expect(invitee.getByText("该邮箱已有 Privacy Desk 账户，请登录后接受邀请。")).toBeVisible();
  await expect(invitee.locator('input[name="email"]')).toHaveValue(email);
  await invitee.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await invitee.getByRole("button", { name: "登录" }).click();
  await expect(invitee.getByRole("button", { name: "接受邀请" })).toBeVisible();
  await snap(invitee, "invitation-existing-account");
  await invitee.getByRole("button", { name: "接受邀请" }).click();
  await invitee.waitForURL((url) => !url.pathname.startsWith("/invitations"));
  // Both organisations are theirs now, and they are in the one that invited them.
  const orgSwitch = invitee.getByRole("banner").getByRole("combobox", { name: "切换组织" });
  await expect(orgSwitch.locator("option")).toHaveCount(2);
  await expect(orgSwitch.locator("option:checked")).toHaveText("拼团转让示范平台");
  await invitee.context().close();

  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("部门经理");
});

test("an admin revokes an open invitation from the user list", async ({ page }) => {
  const email = `revoked-${unique()}@demo.example`;
  await signInAs(page, "admin");
  await invite(page, { name: "撤回测试", email, role: "员工" });
  await page.goto("/users");
  const row = page.getByTestId("invitation-row").filter({ hasText: email });
  await row.getByRole("button", { name: "撤回" }).click();
  const dialog = page.getByRole("dialog", { name: `撤回发给 ${email} 的邀请？` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "撤回" }).click();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);
});

test("an admin changes a member's role, then deactivates them after confirming", async ({
  page,
}) => {
  const email = "role-change@demo.example";
  await signInAs(page, "admin");
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("row").filter({ hasText: email }).getByRole("link").click();
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

test("departments are created and renamed; a duplicate name is refused on the field", async ({
  page,
}) => {
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
  await page.getByRole("button", { name: "保存", exact: true }).click();
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
  await page.getByRole("button", { name: "保存", exact: true }).click();
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
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("The organisation settings have been saved.")).toBeVisible();
  await page.getByRole("banner").getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "组织" })).toBeVisible();
});
