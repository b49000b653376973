"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { renderedKey, requestStateQuery, type RequestStateView } from "./request-state-query";
import { StateBadge } from "./state-badge";

/**
 * A request's state badge, kept current by polling while the request moves; when the state, the timeline or the
 * pull request's snapshot changes, the server-rendered rest of the page (timeline, actions, reviews and comments)
 * is rendered again, without a reload.
 */
export function LiveRequestState({ initial }: { initial: RequestStateView }) {
  const router = useRouter();
  const { data } = useQuery({ ...requestStateQuery(initial.id, renderedKey(initial)), initialData: initial });
  const seen = useRef(renderedKey(initial));
  useEffect(() => {
    const now = renderedKey(data);
    if (now !== seen.current) {
      seen.current = now;
      router.refresh();
    }
  }, [data, router]);
  return (
    <span role="status" data-state={data.state}>
      <StateBadge state={data.state} />
    </span>
  );
}

/** Where a merged request stands until it is applied: only while that is true. */
export function ApplyPipelineNote({ initial }: { initial: RequestStateView }) {
  const { data } = useQuery({ ...requestStateQuery(initial.id, renderedKey(initial)), initialData: initial });
  if (data.state !== "merged") return null;
  if (data.kind !== "namespace")
    return (
      <p className="rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950">
        Merged: the apply pipeline applies it. Berth cannot see Terraform run, so a platform reviewer marks it applied once the pipeline has.
      </p>
    );
  return (
    <p className="rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950">
      Merged: waiting for the apply pipeline to create namespace {data.namespace} in cluster {data.cluster}. This page changes to Applied when it is live.
    </p>
  );
}
