/**
 * Per client address, per portal action (definePortalAction's \`throttle\`), on top of the limits per
 * contact and per challenge that the commands keep. Generous for a family or an office behind one
 * address, far too few for a script: a verification is 5 attempts per code and 3 codes per contact
 * in 10 minutes; a choice is one click; a request is work for the organisation's staff.
 */
export const PORTAL_LIMITS = {
  verify: { name: "portal-verify-ip", hits: 60, windowSeconds: 600 },
  choice: { name: "portal-choice-ip", hits: 300, windowSeconds: 600 },
  request: { name: "portal-request-ip", hits: 30, windowSeconds: 3600 },
} as const;
