/** The code of the demo purpose that sends data abroad with no transfer mechanism (seed-extra's addPurposeLackingMechanism). */
export const PURPOSE_LACKING_MECHANISM = "e2e_overseas_support";
