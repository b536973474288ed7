/**
 * What a failed start prints: what failed, and what to do about it, in one or two lines. Never
 * the connection string (it may hold a password).
 */
export function describeStartupFailure(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const databaseUrl = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : undefined;
  const where = databaseUrl
    ? `${databaseUrl.hostname}:${databaseUrl.port || 5432}`
    : "the embedded database";
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
      return `Could not reach PostgreSQL at ${where} (${code}). Start it, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the credentials in DATABASE_URL (${code}). Fix the user or password.`;
    case "3D000":
      return `The database named in DATABASE_URL does not exist on ${where}. Create it, or point DATABASE_URL at one that does.`;
    case "EADDRINUSE":
      return `The port is already in use (${message}). Stop what listens there or set PORT to another one.`;
  }
  return `Privacy Desk could not start: ${message ?? String(error)}`;
}
