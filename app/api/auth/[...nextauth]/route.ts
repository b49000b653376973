import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { getServices } from "@/lib/server/services";

const handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => NextAuth(request, context, authOptions(getServices()));

export { handler as GET, handler as POST };
