/** @type {import('next').NextConfig} */
const nextConfig = {
  // Note: PGlite ships ~15 MB of WASM; bundling it would copy that into static assets.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "js-yaml"],
  poweredByHeader: false,
};

module.exports = nextConfig;
