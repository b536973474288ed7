import type { IncidentStatus } from "@/db/schema/incidents";

/**
 * The workflow: reported → triage → investigating → contained → notifying → closed, or dismissed
 * before the investigation. Triage itself moves a report to `triage` (or `dismissed` when it is
 * not an incident); these are the steps an officer takes after it.
 */
export const nextStatuses: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ["dismissed"],
  triage: ["investigating", "dismissed"],
  investigating: ["contained"],
  contained: ["notifying", "closed"],
  notifying: ["closed"],
  closed: [],
  dismissed: [],
};

/** Statuses in which clocks still run and alerts go out. */
export const openStatuses: readonly IncidentStatus[] = [
  "reported",
  "triage",
  "investigating",
  "contained",
  "notifying",
];

export const canMove = (from: IncidentStatus, to: IncidentStatus) =>
  nextStatuses[from].includes(to);
