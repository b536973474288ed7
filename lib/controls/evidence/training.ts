import "server-only";
import type { EvidenceQuery } from "./types";

/**
 * Training completion. The training module (lib/training) is not part of this build yet: until it
 * is, the control has nothing to measure and says so instead of guessing.
 */
export const trainingEvidence: EvidenceQuery = async () => ({
  status: "no_data",
  numerator: null,
  denominator: null,
  details: { source: "training_unavailable" },
});
