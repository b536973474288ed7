import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "@/lib/requests/working-calendar";
import prc2026 from "@/db/reference/prc-working-calendar-2026.json";
import { referenceClockRules } from "./clock-rules";
import { incidentClocks, type ClockFacts, type ClockMark, type ClockSettings } from "./clocks";

const calendar = new WorkingCalendar([
  { year: 2026, holidays: prc2026.holidays, makeupWorkdays: prc2026.makeup_workdays },
]);
const discoveredAt = new Date("2026-12-07T09:00:00+08:00");
const HOUR = 3_600_000;
const settings: ClockSettings = { ciiOperator: false, piplTargetHours: 24 };
const facts = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  status: "triage",
  classification: "pi_breach",
  grade: null,
  proposedGrade: "relatively_major",
  affectedLaws: ["PIPL", "GDPR"],
  gdprRisk: null,
  californiaResidents: null,
  discoveredAt,
  triagedAt: discoveredAt,
  containedAt: null,
  ...over,
});
const clocks = (
  f: ClockFacts,
  s = settings,
  marks = new Map<string, ClockMark>(),
  now = new Date(discoveredAt.getTime() + HOUR),
) => incidentClocks(referenceClockRules, f, s, marks, now, calendar);
const keys = (f: ClockFacts, s = settings) =>
  clocks(f, s)
    .map((c) => c.rule.key)
    .sort();
const due = (f: ClockFacts, key: string, s = settings, marks = new Map<string, ClockMark>()) =>
  clocks(f, s, marks)
    .find((c) => c.rule.key === key)
    ?.dueAt?.toISOString();

describe("which incident clocks apply", () => {
  it("a 较大 breach of PIPL and GDPR people: CAC 4 h, PIPL targets, GDPR Art. 33 (risk not yet assessed counts as a risk)", () => {
    expect(keys(facts())).toEqual([
      "cac_report",
      "cac_summary",
      "gdpr_33",
      "pipl_authority",
      "pipl_individuals",
    ]);
    expect(due(facts(), "cac_report")).toBe(
      new Date(discoveredAt.getTime() + 4 * HOUR).toISOString(),
    );
    expect(due(facts(), "gdpr_33")).toBe(
      new Date(discoveredAt.getTime() + 72 * HOUR).toISOString(),
    );
  });

  it("a CII operator reports within 1 hour instead of 4", () => {
    const cii = { ...settings, ciiOperator: true };
    expect(keys(facts(), cii)).toContain("cac_report_cii");
    expect(keys(facts(), cii)).not.toContain("cac_report");
    expect(due(facts(), "cac_report_cii", cii)).toBe(
      new Date(discoveredAt.getTime() + HOUR).toISOString(),
    );
  });

  it("一般 incidents have no CAC clock; the confirmed grade overrides the proposal", () => {
    expect(keys(facts({ proposedGrade: "general" }))).not.toContain("cac_report");
    expect(keys(facts({ proposedGrade: "relatively_major", grade: "general" }))).not.toContain(
      "cac_report",
    );
    expect(keys(facts({ proposedGrade: "general", grade: "major" }))).toContain("cac_report");
  });

  it("a security incident without personal data: CAC only, no PIPL or GDPR clock", () => {
    expect(keys(facts({ classification: "security_incident" }))).toEqual([
      "cac_report",
      "cac_summary",
    ]);
  });

  it("not an incident, or dismissed: no clock", () => {
    expect(keys(facts({ classification: "not_incident" }))).toEqual([]);
    expect(keys(facts({ status: "dismissed" }))).toEqual([]);
  });

  it("GDPR Art. 33 does not apply when the breach is unlikely to result in a risk; Art. 34 only when the risk is high", () => {
    expect(keys(facts({ gdprRisk: "none" }))).not.toContain("gdpr_33");
    expect(keys(facts({ gdprRisk: "risk" }))).not.toContain("gdpr_34");
    const high = clocks(facts({ gdprRisk: "high" })).find((c) => c.rule.key === "gdpr_34")!;
    expect(high.state).toBe("undue_delay");
    expect(high.dueAt).toBeNull();
  });

  it("the PIPL Art. 57 clocks are the organisation's target, not a legal period", () => {
    expect(due(facts(), "pipl_authority", { ...settings, piplTargetHours: 12 })).toBe(
      new Date(discoveredAt.getTime() + 12 * HOUR).toISOString(),
    );
    expect(referenceClockRules.find((r) => r.key === "pipl_authority")!.target).toBe(
      "piplTargetHours",
    );
  });

  it("California: residents within 30 calendar days of discovery; the AG sample 15 days after notifying, only above 500 residents", () => {
    expect(keys(facts({ californiaResidents: 500 }))).toContain("ca_residents");
    expect(keys(facts({ californiaResidents: 500 }))).not.toContain("ca_attorney_general");
    const f = facts({ californiaResidents: 501 });
    expect(due(f, "ca_residents")).toBe(
      new Date(discoveredAt.getTime() + 30 * 24 * HOUR).toISOString(),
    );
    const ag = clocks(f).find((c) => c.rule.key === "ca_attorney_general")!;
    expect(ag.state).toBe("not_started");
    const notified = new Date("2026-12-20T10:00:00+08:00");
    expect(
      due(
        f,
        "ca_attorney_general",
        settings,
        new Map([["ca_residents", { outcome: "done", at: notified, reason: null }]]),
      ),
    ).toBe(new Date(notified.getTime() + 15 * 24 * HOUR).toISOString());
  });

  it("the CAC summary report runs 30 days from containment", () => {
    expect(clocks(facts()).find((c) => c.rule.key === "cac_summary")?.state).toBe("not_started");
    const containedAt = new Date("2026-12-08T12:00:00+08:00");
    expect(due(facts({ containedAt }), "cac_summary")).toBe(
      new Date(containedAt.getTime() + 30 * 24 * HOUR).toISOString(),
    );
  });
});

describe("countdowns", () => {
  const cac = (minutesAfter: number, marks = new Map<string, ClockMark>()) =>
    clocks(facts(), settings, marks, new Date(discoveredAt.getTime() + minutesAfter * 60_000)).find(
      (c) => c.rule.key === "cac_report",
    )!;

  it("green, then amber in the last quarter, then red once passed, in whole hours", () => {
    expect(cac(60)).toMatchObject({ state: "running", tone: "green", hoursLeft: 3 });
    expect(cac(181)).toMatchObject({ state: "running", tone: "amber", hoursLeft: 0 });
    expect(cac(4 * 60 + 90)).toMatchObject({ state: "passed", tone: "red", hoursLeft: -2 });
  });

  it("a clock met after its due time is done late", () => {
    const at = new Date(discoveredAt.getTime() + 5 * HOUR);
    expect(
      cac(6 * 60, new Map([["cac_report", { outcome: "done", at, reason: "supplement" }]])),
    ).toMatchObject({ state: "done", late: true, tone: "neutral" });
  });

  it("the nearest due clock comes first, a clock not yet started last", () => {
    expect(clocks(facts()).map((c) => c.rule.key)).toEqual([
      "cac_report",
      "pipl_authority",
      "pipl_individuals",
      "gdpr_33",
      "cac_summary",
    ]);
  });

  it("an organisation's rule in PRC working days ends at midnight Beijing time of the last working day, skipping holidays", () => {
    const rule = {
      ...referenceClockRules[0],
      key: "own",
      reference: false,
      trigger: {},
      period: { amount: 3, unit: "working_days" as const },
    };
    // Fri 25 September (Mid-Autumn, 25–27 off) + 3 working days → Mon 28, Tue 29, Wed 30 September.
    const start = new Date("2026-09-25T15:00:00+08:00");
    const [clock] = incidentClocks(
      [rule],
      facts({ discoveredAt: start }),
      settings,
      new Map(),
      start,
      calendar,
    );
    expect(clock.dueAt!.toISOString()).toBe(new Date("2026-10-01T00:00:00+08:00").toISOString());
    const later = new Date("2026-09-30T15:00:00+08:00");
    const [over] = incidentClocks(
      [rule],
      facts({ discoveredAt: later }),
      settings,
      new Map(),
      later,
      calendar,
    );
    // Wed 30 Sep + 3 working days: 1–7 October are holidays, 10 October (Saturday) is a makeup workday → 8, 9, 10 October.
    expect(over.dueAt!.toISOString()).toBe(new Date("2026-10-11T00:00:00+08:00").toISOString());
  });
});
