/** "just now", "4 minutes ago", "2 hours ago": how old the stored pull-request snapshot is. */
export function snapshotAge(fetchedAt: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(fetchedAt).getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  return `${Math.round(hours / 24)} days ago`;
}
