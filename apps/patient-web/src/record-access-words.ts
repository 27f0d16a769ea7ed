import type { AuditAction, AuditResourceKind, RecordAccess } from '@arogyam/ui';

const WHAT: Record<AuditResourceKind, string> = {
  clinical_note: 'your consultation notes',
  prescription: 'your prescription',
  prescription_pdf: 'the PDF of your prescription',
  health_record: 'your health record',
  health_record_file: 'the file of your health record',
  medical_profile: 'your medical profile',
  chat_history: 'your chat messages',
  appointment_reason: 'the reason you gave for a visit',
};

const DONE: Record<AuditAction, string> = {
  read: 'opened',
  create: 'wrote',
  update: 'changed',
  delete: 'deleted',
};

const TRIED: Record<AuditAction, string> = {
  read: 'open',
  create: 'write',
  update: 'change',
  delete: 'delete',
};

/** Who, in words: a doctor by name; otherwise by what they are. */
function who(access: RecordAccess): string {
  if (access.actorName) return access.actorName;
  if (access.actorRole === 'doctor') return 'A doctor';
  if (access.actorRole === 'admin') return 'An Arogyam administrator';
  return 'Another patient';
}

/**
 * One line of "who viewed my records": "Dr. Meera Iyer opened your prescription", or, refused,
 * "A doctor tried to open your health record and was refused".
 */
export function recordAccessInWords(access: RecordAccess): string {
  if (access.kind === 'chat_history' && access.action === 'create' && access.outcome === 'allowed')
    return `${who(access)} sent you a chat message`;
  const what = WHAT[access.kind];
  return access.outcome === 'denied'
    ? `${who(access)} tried to ${TRIED[access.action]} ${what} and was refused`
    : `${who(access)} ${DONE[access.action]} ${what}`;
}
