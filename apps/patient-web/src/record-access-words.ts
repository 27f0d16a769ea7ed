import { translate, type AuditAction, type AuditResourceKind, type RecordAccess } from '@arogyam/ui';

const WHAT: Record<AuditResourceKind, string> = {
  clinical_note: 'your consultation notes',
  prescription: 'your prescription',
  prescription_pdf: 'the PDF of your prescription',
  health_record: 'your health record',
  health_record_file: 'the file of your health record',
  medical_profile: 'your medical profile',
  chat_history: 'your chat messages',
  appointment_reason: 'the reason you gave for a visit',
  data_export: 'a download of all your data',
  patient_account: 'your account',
};

/** Whole sentences, so each language orders who, what and the verb its own way. */
const DONE: Record<AuditAction, string> = {
  read: '{{who}} opened {{what}}',
  create: '{{who}} wrote {{what}}',
  update: '{{who}} changed {{what}}',
  delete: '{{who}} deleted {{what}}',
};

const TRIED: Record<AuditAction, string> = {
  read: '{{who}} tried to open {{what}} and was refused',
  create: '{{who}} tried to write {{what}} and was refused',
  update: '{{who}} tried to change {{what}} and was refused',
  delete: '{{who}} tried to delete {{what}} and was refused',
};

/** Who, in words: a doctor by name; otherwise by what they are. */
function who(access: RecordAccess): string {
  if (access.actorName) return access.actorName;
  if (access.actorRole === 'doctor') return translate('A doctor');
  if (access.actorRole === 'admin') return translate('An Arogyam administrator');
  return translate('Another patient');
}

/**
 * One line of "who viewed my records": "Dr. Meera Iyer opened your prescription", or, refused,
 * "A doctor tried to open your health record and was refused".
 */
export function recordAccessInWords(access: RecordAccess): string {
  if (access.kind === 'chat_history' && access.action === 'create' && access.outcome === 'allowed')
    return translate('{{who}} sent you a chat message', { who: who(access) });
  const sentence = (access.outcome === 'denied' ? TRIED : DONE)[access.action];
  return translate(sentence, { who: who(access), what: translate(WHAT[access.kind]) });
}
