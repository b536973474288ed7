/**
 * created_at columns arrive as PostgreSQL text ("2026-11-29 01:50:24.176673+00"), which keeps the
 * microseconds keyset cursors compare; this is the instant for display.
 */
export function fromPgText(text: string): Date {
  return new Date(text.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"));
}
