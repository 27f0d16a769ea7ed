import type { Catalogue } from '@arogyam/service-kit';

/**
 * The prescription PDF's Hindi labels (keys are the English, as the code writes it). What the
 * doctor wrote (medicines, doses, frequency, instructions, advice), names and codes are printed
 * as written. `prescription-pdf.spec.ts` fails on a text without its Hindi.
 */
export const HINDI: Catalogue = {
  Arogyam: 'आरोग्यम',
  'Prescription for {{patient}}': '{{patient}} का पर्चा',
  '{{doctor}} (Arogyam)': '{{doctor}} (आरोग्यम)',
  'Prescription {{id}}, version {{version}}': 'पर्चा {{id}}, संस्करण {{version}}',
  Prescription: 'पर्चा',
  'Prescription, version {{version}} (corrects {{id}})': 'पर्चा, संस्करण {{version}} ({{id}} को सुधारता है)',
  'SUPERSEDED by prescription {{id}}. Do not dispense from this version.':
    'यह पर्चा {{id}} से बदल दिया गया है। इस संस्करण से दवा न दें।',
  'Registration number: {{number}}': 'पंजीकरण संख्या: {{number}}',
  'Patient: {{patient}}': 'मरीज़: {{patient}}',
  'Date: {{date}}': 'तारीख़: {{date}}',
  'for 1 day': '1 दिन के लिए',
  'for {{count}} days': '{{count}} दिन के लिए',
  'Instructions: {{instructions}}': 'निर्देश: {{instructions}}',
  Advice: 'सलाह',
  'Verification code: {{code}}': 'सत्यापन कोड: {{code}}',
  'Prescription ID: {{id}}': 'पर्चा ID: {{id}}',
  'Issued electronically through Arogyam. The verification code confirms this copy against the record.':
    'आरोग्यम के ज़रिए इलेक्ट्रॉनिक रूप से जारी। सत्यापन कोड इस प्रति की रिकॉर्ड से पुष्टि करता है।',
  '{{patient}} · Verification code {{code}}': '{{patient}} · सत्यापन कोड {{code}}',
  'Page {{page}} of {{pages}}': 'पृष्ठ {{page}} / {{pages}}',
};
