import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  commitAffectedAction,
  selectAffectedAction,
} from "@/app/(console)/incidents/[id]/affected/actions";
import { reportIncidentAction } from "@/app/(console)/incidents/new/actions";
import {
  saveNoticeDraftAction,
  sendNoticeAction,
} from "@/app/(console)/incidents/[id]/notice/actions";
import { closeAppDb } from "@/db/client";
import { incidentAffectedSets, incidentNotices, incidents, messageOutbox } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { todayIso } from "@/lib/core/dates";
import { inTenant } from "@/lib/core/tenancy/context";
import { eraseCustomer } from "@/lib/customers/commands";
import { system, upsert } from "@/lib/customers/test-support";
import { messageContext } from "@/lib/outbox/seal";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { auditOfTarget } from "@/tests/audit";
import { actAs, form, orgWithOfficer } from "@/tests/factories";
import { runSelection } from "../affected/selection";
import { fraudWarning } from "./content";
import { noticeField, noticeParts } from "./schemas";
import { runNotice } from "./sending";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
const ids = {} as Record<"zhang" | "anna" | "cal" | "silent" | "erasedLater", string>;

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  const rows = await upsert(orgId, [
    { externalRef: "n-zhang", phone: "+8613800138011", region: "CN-BJ", laws: ["PIPL"] },
    { externalRef: "n-anna", email: "anna@example.de", region: "DE", laws: ["GDPR"] },
    { externalRef: "n-cal", phone: "+14155550111", region: "US-CA", laws: ["CCPA"] },
    { externalRef: "n-silent", displayName: "无联系方式", region: "CN-SH" },
    { externalRef: "n-later", phone: "+8613800138012", region: "CN-BJ", laws: ["PIPL"] },
  ]);
  [ids.zhang, ids.anna, ids.cal, ids.silent, ids.erasedLater] = rows.map((r) => r.id);
});
beforeEach(() => actAs(officerId, orgId));

const draftForm = (id: string, over: Record<string, string> = {}) =>
  form({
    id,
    ...Object.fromEntries(
      noticeParts.flatMap((part) => [
        [noticeField(part, "zh-CN"), `${part}：中文说明`],
        [noticeField(part, "en"), `${part}: in English`],
      ]),
    ),
    [noticeField("contact", "zh-CN")]: "客服热线 400-800-1234",
    [noticeField("contact", "en")]: "Call 400-800-1234",
    ...over,
  });

/** A reported incident with everyone selected and the selection stored with it. */
async function incidentWithSelection(): Promise<{ incidentId: string; setId: string }> {
  const path = await redirectOf(
    reportIncidentAction(
      idle,
      form({
        summary: "手机号泄露",
        description: "日志中出现手机号",
        discoveredOn: todayIso(),
        discoveredTime: "00:00",
        dataCategories: ["contact"],
      }),
    ),
  );
  const incidentId = path.split("/")[2].split("?")[0];
  expect(
    (await selectAffectedAction(idle, form({ id: incidentId, kind: "everyone" }))).status,
  ).toBe("ok");
  const [set] = await withTenant(orgId, (tx) =>
    tx
      .select({ id: incidentAffectedSets.id })
      .from(incidentAffectedSets)
      .where(eq(incidentAffectedSets.incidentId, incidentId)),
  );
  await runSelection(orgId, set.id);
  expect((await commitAffectedAction(idle, form({ id: incidentId, setId: set.id }))).status).toBe(
    "ok",
  );
  return { incidentId, setId: set.id };
}

const noticeOf = async (incidentId: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx.select().from(incidentNotices).where(eq(incidentNotices.incidentId, incidentId)),
    )
  )[0];
const noticeMessages = () =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(messageOutbox)
      .where(and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.template, "incident.notice"))),
  );
const bodyOf = (m: typeof messageOutbox.$inferSelect) =>
  withTenant(orgId, async (tx) =>
    decryptField(
      await existingDataKey(tx, orgId, m.customerId!),
      m.bodyEnc,
      messageContext(orgId, m.id, "body"),
    ),
  );

describe("notices to the people affected", () => {
  it("are worded in both languages and refused when incomplete, writing nothing", async () => {
    const { incidentId } = await incidentWithSelection();
    const state = await saveNoticeDraftAction(
      idle,
      draftForm(incidentId, { [noticeField("harm", "en")]: "" }),
    );
    expect(fieldErrorsOf(state)).toHaveProperty("harm_en");
    expect(await noticeOf(incidentId)).toBeUndefined();
    // Sending needs the wording first.
    expect(await sendNoticeAction(idle, form({ id: incidentId }))).toMatchObject({
      status: "error",
      message: "errors.noticeNoDraft",
    });
  });

  it("go to each person in their law's language, sealed under their key, with the scam warning; erased people and people without a contact get none", async () => {
    const { incidentId, setId } = await incidentWithSelection();
    expect((await saveNoticeDraftAction(idle, draftForm(incidentId))).status).toBe("ok");
    // Erased after the selection was stored: never told.
    await inTenant(orgId, system, (ctx) => eraseCustomer(ctx, ids.erasedLater));
    expect((await sendNoticeAction(idle, form({ id: incidentId }))).status).toBe("ok");
    expect(await runNotice(orgId, (await noticeOf(incidentId)).id, { batch: 2 })).toBe("sent");

    const notice = await noticeOf(incidentId);
    expect(notice).toMatchObject({
      status: "sent",
      setId,
      total: 5,
      processed: 5,
      queued: 3,
      noContact: 1,
      erased: 1,
    });
    const messages = await noticeMessages();
    const byCustomer = new Map(messages.map((m) => [m.customerId, m]));
    expect([...byCustomer.keys()].sort()).toEqual([ids.zhang, ids.anna, ids.cal].sort());
    expect(byCustomer.get(ids.zhang)).toMatchObject({ channel: "sms", locale: "zh-CN" });
    expect(byCustomer.get(ids.anna)).toMatchObject({ channel: "email", locale: "en" });
    expect(byCustomer.get(ids.cal)).toMatchObject({ channel: "sms", locale: "en" });

    const zh = await bodyOf(byCustomer.get(ids.zhang)!);
    expect(zh).toContain("个人信息安全事件告知");
    expect(zh).toContain(fraudWarning["zh-CN"]);
    expect(zh).toContain("客服热线 400-800-1234");
    expect(zh).toContain("联系我们：");
    const ca = await bodyOf(byCustomer.get(ids.cal)!);
    for (const heading of [
      "Notice of Data Breach",
      "What Happened",
      "What Information Was Involved",
      "What We Are Doing",
      "What You Can Do",
      "For More Information",
    ])
      expect(ca).toContain(heading);
    expect(await bodyOf(byCustomer.get(ids.anna)!)).toContain("Likely consequences");

    const actions = (await auditOfTarget(orgId, incidentId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "incident.notice_drafted",
        "incident.notice_started",
        "incident.notices_queued",
        "incident.notice_sent",
      ]),
    );
    // Once per selection.
    expect(await sendNoticeAction(idle, form({ id: incidentId }))).toMatchObject({
      status: "error",
    });

    // Erasing a person afterwards shreds their notice too.
    await inTenant(orgId, system, (ctx) => eraseCustomer(ctx, ids.cal));
    await expect(bodyOf(byCustomer.get(ids.cal)!)).rejects.toThrow();
  });

  it("resumes from its last step without telling anyone twice", async () => {
    const { incidentId } = await incidentWithSelection();
    await saveNoticeDraftAction(idle, draftForm(incidentId));
    await sendNoticeAction(idle, form({ id: incidentId }));
    const before = (await noticeMessages()).length;
    const { id } = await noticeOf(incidentId);
    expect(await runNotice(orgId, id, { batch: 1, maxSteps: 2 })).toBe("stopped");
    expect(await runNotice(orgId, id, { batch: 1 })).toBe("sent");
    const notice = await noticeOf(incidentId);
    // zhang and anna remain (cal and the later one were erased above; one has no contact).
    expect(notice.queued).toBe(2);
    expect((await noticeMessages()).length - before).toBe(2);
  });

  it("never notifies anyone from a drill, even one made a drill while sending", async () => {
    const { incidentId } = await incidentWithSelection();
    await saveNoticeDraftAction(idle, draftForm(incidentId));
    const setDrill = (drill: boolean) =>
      withTenant(orgId, (tx) =>
        tx.update(incidents).set({ drill }).where(eq(incidents.id, incidentId)),
      );
    await setDrill(true);
    expect(await sendNoticeAction(idle, form({ id: incidentId }))).toMatchObject({
      status: "error",
      message: "errors.drillNeverNotifies",
    });
    await setDrill(false);
    expect((await sendNoticeAction(idle, form({ id: incidentId }))).status).toBe("ok");
    await setDrill(true);
    const before = (await noticeMessages()).length;
    expect(await runNotice(orgId, (await noticeOf(incidentId)).id)).toBe("sent");
    expect((await noticeOf(incidentId)).status).toBe("failed");
    expect((await noticeMessages()).length).toBe(before);
    const failed = (await auditOfTarget(orgId, incidentId)).find(
      (e) => e.action === "incident.notice_failed",
    );
    expect(failed?.details).toMatchObject({ reason: "drill" });
  });
});
