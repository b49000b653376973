/** Next.js calls register() once when a server starts: Berth checks its settings and readies its data there. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is Next's own marker of the runtime; only the Node.js server starts Berth.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBerth } = await import("./lib/server/start-berth");
  await startBerth();
}
