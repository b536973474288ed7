import policies from "../messages/zh-CN/policies.json" with { type: "json" };
import en from "../messages/en/tasks.json" with { type: "json" };
import t from "../messages/zh-CN/tasks.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";

// The seeded internal staff rules (db/seed/policies.ts): audience 客服 and 运营, v2 in force,
// acknowledged so far by the 客服 manager (张伟) but not by the employee (刘洋).
const title = "员工个人信息保护守则";
const a = policies.acknowledgements;
const progress = (acknowledged: number, total: number) =>
  a.progress
    .replace("{acknowledged}", String(acknowledged))
    .replace("{total}", String(total))
    .replace("{version}", "2");

test.describe.serial("my tasks: policy acknowledgements", () => {
  test("the staff rules are internal: their public address is not found", async ({ page }) => {
    const response = await page.goto("/p/demo/policies/staff-data-handling");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: policies.public.notFound })).toBeVisible();
  });

  test("before: the 客服 manager sees that the employee has not acknowledged v2", async ({
    page,
  }) => {
    await signInAs(page, "manager");
    await page.goto("/tasks");
    await expect(page.getByText(progress(1, 2))).toBeVisible();
    await page.getByRole("link", { name: title }).last().click();
    await expect(page.getByTestId("acknowledgement-progress")).toHaveText(progress(1, 2));
    const pendingCard = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: new RegExp(`^${a.pending}`) }) });
    await expect(pendingCard.getByRole("row", { name: /刘洋/ })).toContainText("客服");
    await snap(page, "policy-acknowledgements-manager-before");
  });

  test("the employee reads and acknowledges the staff rules, which then move to done", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "employee");
    await page.locator("nav").first().getByRole("link", { name: t.title }).click();
    await expect(page.getByRole("heading", { name: t.title, level: 1 })).toBeVisible();
    const pending = page.getByTestId("pending-tasks");
    await expect(pending.getByText(title)).toBeVisible();
    await expect(pending.getByText(t.versionLabel.replace("{version}", "2"))).toBeVisible();
    await snap(page, "tasks-pending");

    await pending.getByRole("link", { name: t.readAndAcknowledge }).click();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "六、截图、录屏与外部工具" })).toBeVisible();
    await snap(page, "tasks-read");
    await page.getByRole("button", { name: t.read.confirm }).click();

    await expect(page).toHaveURL(/\/tasks\?notice=acknowledged$/);
    await expect(page.getByText(t.acknowledged)).toBeVisible();
    await expect(page.getByText(t.nothingToDo)).toBeVisible();
    await expect(page.getByTestId("done-tasks").getByRole("link", { name: title })).toBeVisible();
    await snap(page, "tasks-done");

    // Reading it again shows when it was acknowledged, and no second button.
    await page.getByTestId("done-tasks").getByRole("link", { name: title }).click();
    await expect(page.getByText(t.read.already.split("{time}")[0].trim())).toBeVisible();
    await expect(page.getByRole("button", { name: t.read.confirm })).toHaveCount(0);

    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.goto("/tasks");
    await expect(page.getByText(en.nothingToDo)).toBeVisible();
    await expect(
      page
        .getByTestId("done-tasks")
        .getByRole("link", { name: "Staff Personal Information Handling Rules" }),
    ).toBeVisible();
    await snap(page, "tasks-done-en");
  });

  test("the privacy officer adds 技术 to the audience; the admin in 技术 now has to acknowledge", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/policies");
    await page.locator("#main").getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: policies.document.publicLink })).toHaveCount(0);
    const tech = page.getByRole("checkbox", { name: "技术", exact: true });
    await expect(page.getByRole("checkbox", { name: "客服", exact: true })).toBeChecked();
    await expect(tech).not.toBeChecked();
    await tech.check();
    await snap(page, "policy-settings");
    await page.getByRole("button", { name: policies.settings.save }).click();
    await expect(page).toHaveURL(/notice=settingsSaved$/);
    await expect(page.getByText(policies.notices.settingsSaved)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "技术", exact: true })).toBeChecked();

    await page.getByRole("link", { name: new RegExp(`^${a.link}`) }).click();
    await expect(page.getByTestId("acknowledgement-progress")).toHaveText(progress(2, 3));
    const pendingCard = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: new RegExp(`^${a.pending}`) }) });
    await expect(pendingCard.getByRole("row", { name: /李明/ })).toContainText("技术");
    await snap(page, "policy-acknowledgements-all");
  });

  test("the 客服 manager sees his department only: the employee has acknowledged, the admin in 技术 is not shown", async ({
    page,
  }) => {
    await signInAs(page, "manager");
    await page.goto("/tasks");
    await expect(page.getByText(t.nothingToDo)).toBeVisible();
    await expect(page.getByRole("heading", { name: t.team })).toBeVisible();
    await expect(page.getByText(progress(2, 2))).toBeVisible();
    await snap(page, "tasks-manager");
    await page.getByRole("link", { name: title }).last().click();

    await expect(
      page.getByRole("heading", { name: `${title} — 确认情况`, level: 1 }),
    ).toBeVisible();
    await expect(page.getByText(a.scopeDepartment)).toBeVisible();
    await expect(page.getByTestId("acknowledgement-progress")).toHaveText(progress(2, 2));
    const doneCard = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: new RegExp(`^${a.done}`) }) });
    await expect(doneCard.getByRole("row", { name: /刘洋/ })).toContainText("客服");
    await expect(doneCard.getByRole("row", { name: /刘洋/ }).locator("time")).toHaveCount(1);
    await expect(page.getByText(a.nobodyPending)).toBeVisible();
    await expect(page.getByText("李明")).toHaveCount(0);
    await snap(page, "policy-acknowledgements-manager");
  });
});
