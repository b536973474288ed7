export const APP_ROLE = "privacy_desk_app";

/** The application role's URL: the owner's server and database, logging in as the non-owner role. */
export function appDatabaseUrl(ownerUrl: string, appPassword: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appPassword;
  return url.toString();
}
