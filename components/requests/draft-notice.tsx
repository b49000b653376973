"use client";

/** Says the answers came back from this browser session, with the way to start again. */
export function DraftNotice({ restored, onDiscard }: { restored: boolean; onDiscard: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="draft-notice">
      <p role="status">
        {restored ? "Your unsent answers from this browser session are back." : "Your answers are kept in this browser tab until you submit or discard them."}
      </p>
      <button type="button" onClick={onDiscard} className="rounded border border-slate-500 px-3 py-1 font-semibold text-slate-900 hover:bg-slate-100">
        Discard answers
      </button>
    </div>
  );
}
