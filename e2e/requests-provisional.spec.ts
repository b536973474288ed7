import { readFileSync } from "node:fs";
import enOverview from "../messages/en/overview.json" with { type: "json" };
import enPortal from "../messages/en/portalRequests.json" with { type: "json" };
import en from "../messages/en/requests.json" with { type: "json" };
import zhPortal from "../messages/zh-CN/portalRequests.json" with { type: "json" };
import zh from "../messages/zh-CN/requests.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";
import { PROVISIONAL_REQUEST_FILE } from "./provisional-request";

/**
 * The server seeds a PIPL request whose 15 working days reach next year, whose working calendar is
 * not entered (e2e/seed-extra.ts addProvisionalRequest): its due date is provisional everywhere.
 */
const seeded = () =>
  JSON.parse(readFileSync(PROVISIONAL_REQUEST_FILE, "utf8")) as { id: string; token: string };

test("a provisional due date is called provisional on the request page, in the queue and on the overview, in both languages", async ({
  page,
  baseURL,
}) => {
  const { id } = seeded();
  await signInAs(page, "dpo");
  await page.goto(`/requests/${id}`);
  await expect(page.getByTestId("due-on")).toContainText(zh.list.provisional);
  await expect(page.getByTestId("due-provisional")).toHaveText(zh.clock.provisional);
  await snap(page, "provisional-request-zh");

  await page.goto("/requests");
  await expect(page.getByTestId("queue-provisional")).toHaveText(zh.list.provisionalNotice);
  await snap(page, "provisional-queue-zh");
  await page.goto("/");
  await expect(page.getByTestId("overview-provisional")).toBeVisible();

  await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
  await page.goto(`/requests/${id}`);
  await expect(page.getByTestId("due-on")).toContainText(en.list.provisional);
  await expect(page.getByTestId("due-provisional")).toHaveText(en.clock.provisional);
  await snap(page, "provisional-request-en");
  await page.goto("/");
  await expect(page.getByTestId("overview-provisional")).toContainText(/provisional/);
  await expect(page.getByRole("link", { name: enOverview.enterCalendar })).toBeVisible();
  await snap(page, "provisional-overview-en");
  await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: baseURL! }]);
});

test("the requester's tracking page calls the date provisional (暂定), in both languages", async ({
  page,
  baseURL,
}) => {
  const { token } = seeded();
  await page.goto(`/p/demo/requests/track#${token}`);
  await expect(page.getByTestId("track-due")).toContainText(zhPortal.track.dueOnProvisional);
  await expect(page.getByTestId("track-provisional")).toHaveText(zhPortal.track.provisionalNote);
  await snap(page, "provisional-tracking-zh");

  await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
  await page.goto("about:blank");
  await page.goto(`/p/demo/requests/track#${token}`);
  await page.reload();
  await expect(page.getByTestId("track-due")).toContainText(enPortal.track.dueOnProvisional.trim());
  await expect(page.getByTestId("track-provisional")).toHaveText(enPortal.track.provisionalNote);
  await snap(page, "provisional-tracking-en");
});
