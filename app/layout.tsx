import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-in-buttons";
import { NavLinks } from "@/components/nav-links";
import { Providers } from "@/components/providers";
import { getViewer } from "@/lib/server/current-viewer";
import { reviewCountFor } from "@/lib/server/requests/request-service";
import "./globals.css";
import { getServices } from "@/lib/server/services";

export const metadata: Metadata = {
  title: { default: "Berth", template: "%s · Berth" },
  description: "Self-service portal for the namespaces of a shared Kubernetes platform",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const reviewCount = await reviewCountFor(getServices(), viewer);
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to main content
        </a>
        <Providers>
          <header className="border-b border-slate-200 bg-slate-900 text-white">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
              <Link href="/" className="text-lg font-semibold tracking-tight text-white no-underline">
                Berth
              </Link>
              {viewer && (
                <>
                  <NavLinks reviewCount={reviewCount} />
                  <div className="ml-auto flex items-center gap-3 text-sm">
                    <Link href="/me" className="rounded px-2 py-1 text-slate-100 underline hover:bg-slate-700">
                      {viewer.login}
                      {viewer.reviewer && <span className="ml-1 rounded bg-sky-200 px-1.5 text-xs text-sky-950 no-underline">reviewer</span>}
                    </Link>
                    <SignOutButton />
                  </div>
                </>
              )}
            </div>
          </header>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
