/** audit-service's request/reply subjects (queue group `audit-service`). */
export const AuditSubjects = {
  /** A patient's own trail: who reached her records, newest first. */
  listOwn: 'audit.trail.list_own',
  /** Admins: the trail searched by patient, actor, kind and dates. */
  search: 'audit.trail.search',
  /** Admins and the `audit:verify` command: walks every chain, names the first broken link. */
  verify: 'audit.trail.verify',
} as const;
