/** Only same-site paths, so a crafted link cannot send someone elsewhere after signing in. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
