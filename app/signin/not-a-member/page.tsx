import type { Metadata } from "next";
import Link from "next/link";
import { getServices } from "@/lib/server/services";

export const metadata: Metadata = { title: "Not a member" };

export default function NotAMemberPage() {
  const { env } = getServices();
  const web = env.GITHUB_WEB_URL.replace(/\/$/, "");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">You are not a member of {env.GITHUB_ORG}</h1>
      <p>
        Berth is for members of the{" "}
        <a href={`${web}/${env.GITHUB_ORG}`} className="text-blue-800 underline">
          {env.GITHUB_ORG}
        </a>{" "}
        organisation on GitHub. Your GitHub account is not a member, or your membership is not visible to Berth.
      </p>
      <p>Ask an organisation owner to add you, then sign in again. If you are a member, check that you granted Berth access to the organisation.</p>
      <Link href="/signin" className="text-blue-800 underline">
        Back to sign in
      </Link>
    </div>
  );
}
