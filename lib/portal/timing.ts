/**
 * Waits until at least `ms` have passed since `startedAt`, so an answer's timing does not tell a
 * matched contact (lookup, decrypt, seal, insert) from an unmatched one.
 */
export async function notBefore(startedAt: number, ms: number): Promise<void> {
  const left = startedAt + ms - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
