// Tooling config (read at build time, like prisma.config.ts), so it reads
// process.env directly; the app's settings go through lib/env.ts.
const development = process.env.NODE_ENV === "development";

/**
 * Note: the Content-Security-Policy allows inline scripts ('unsafe-inline')
 * rather than nonces. Next's pages carry inline bootstrap scripts; nonces
 * would need every response to be rendered per request with the nonce from
 * the proxy, and Next prerenders some pages (the 404 page) whose inline
 * scripts could then never run. What the policy still guarantees: scripts
 * only from this origin, no eval, no plugins, no framing by other sites, no
 * <base> hijacking, forms and fetches only to this origin. Berth renders no
 * user-supplied HTML (React escapes every value), which is what inline
 * script injection would need. The development server also needs eval
 * (React's debugging) and its hot-reload socket.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${development ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  // For browsers older than frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server (.next/standalone/server.js) with only the files it needs: what the container image runs.
  output: "standalone",
  // Note: PGlite ships ~15 MB of WASM; bundling it would copy that into static assets.
  // prom-client keeps its registry in module state; one copy for every route.
  // web-tree-sitter loads its own WASM (the HCL edits): webpack cannot bundle it, Node loads it as is.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "js-yaml",
    "prom-client",
    "web-tree-sitter",
    "@tree-sitter-grammars/tree-sitter-hcl",
  ],
  poweredByHeader: false,
  compress: false,
  // forbidden() answers 403 with app/forbidden.tsx for pages the viewer may not see.
  experimental: { authInterrupts: true },
  // Type-checking is its own step of the test command (tsc over the whole
  // repository, tests and test doubles included); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Static headers for every response; HSTS depends on the runtime NEXTAUTH_URL, so it is set per response (proxy.ts, lib/server/http.ts).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
