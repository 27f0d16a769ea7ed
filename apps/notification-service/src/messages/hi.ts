import type { Catalogue } from '@arogyam/service-kit';

/**
 * notification-service's Hindi: every text it writes (keys are the English, as the code writes
 * it; `{{name}}` places are filled after translation, so Hindi puts them where Hindi needs them).
 * Names, specialties, reasons, notes and chat previews are people's own words and stay as written.
 * `hindi-messages.spec.ts` fails on a text without its Hindi.
 */
export const HINDI: Catalogue = {
  // What an appointment is called, inside a sentence and as a calendar entry's title.
  'video consultation': 'वीडियो परामर्श',
  'chat consultation': 'चैट परामर्श',
  'in-person visit': 'क्लिनिक में परामर्श',
  appointment: 'अपॉइंटमेंट',
  'Video consultation': 'वीडियो परामर्श',
  'Chat consultation': 'चैट परामर्श',
  'In-person visit': 'क्लिनिक में परामर्श',
  Appointment: 'अपॉइंटमेंट',

  // Appointments booked, moved, cancelled, and their reminders.
  'Appointment booked with {{doctor}}': '{{doctor}} के साथ अपॉइंटमेंट बुक हुआ',
  'Your {{mode}} with {{whom}} is booked for {{time}}.':
    '{{whom}} के साथ आपका {{mode}} {{time}} के लिए बुक हो गया है।',
  'Arogyam: {{mode}} with {{doctor}} booked for {{time}}.':
    'आरोग्यम: {{doctor}} के साथ {{mode}} {{time}} के लिए बुक हुआ।',
  'New appointment with {{patient}}': '{{patient}} के साथ नया अपॉइंटमेंट',
  '{{patient}} booked a {{mode}} with you for {{time}}.':
    '{{patient}} ने आपके साथ {{time}} के लिए {{mode}} बुक किया है।',
  'Arogyam: {{patient}} booked a {{mode}} for {{time}}.':
    'आरोग्यम: {{patient}} ने {{time}} के लिए {{mode}} बुक किया।',
  'Appointment with {{other}} moved': '{{other}} के साथ अपॉइंटमेंट का समय बदला',
  'Your {{mode}} with {{whom}} has moved to {{time}}.': '{{whom}} के साथ आपका {{mode}} अब {{time}} पर है।',
  'Arogyam: {{mode}} with {{other}} moved to {{time}}.': 'आरोग्यम: {{other}} के साथ {{mode}} अब {{time}} पर है।',
  'Appointment with {{other}} cancelled': '{{other}} के साथ अपॉइंटमेंट रद्द हुआ',
  'Your {{mode}} with {{whom}} on {{time}} was cancelled.':
    '{{whom}} के साथ {{time}} का आपका {{mode}} रद्द कर दिया गया है।',
  'Reason given: {{reason}}': 'बताया गया कारण: {{reason}}',
  'Arogyam: {{mode}} with {{other}} on {{time}} was cancelled.':
    'आरोग्यम: {{other}} के साथ {{time}} का {{mode}} रद्द हुआ।',
  'Reminder: {{mode}} with {{other}} in 24 hours': 'रिमाइंडर: {{other}} के साथ {{mode}} 24 घंटे में',
  'Reminder: {{mode}} with {{other}} in 15 minutes': 'रिमाइंडर: {{other}} के साथ {{mode}} 15 मिनट में',
  'Your {{mode}} with {{whom}} starts in 24 hours, on {{time}}.':
    '{{whom}} के साथ आपका {{mode}} 24 घंटे में, {{time}} पर शुरू होगा।',
  'Your {{mode}} with {{whom}} starts in 15 minutes, on {{time}}.':
    '{{whom}} के साथ आपका {{mode}} 15 मिनट में, {{time}} पर शुरू होगा।',
  'Join from the appointment page in Arogyam.': 'आरोग्यम में अपॉइंटमेंट के पेज से जुड़ें।',
  'Arogyam reminder: {{mode}} with {{other}} at {{time}}.':
    'आरोग्यम रिमाइंडर: {{other}} के साथ {{mode}}, {{time}}।',
  '{{mode}} with {{other}}': '{{other}} के साथ {{mode}}',

  // A missed video call.
  'Missed video call from {{doctor}}': '{{doctor}} की वीडियो कॉल छूट गई',
  '{{doctor}} called you at {{time}} for your video consultation and could not reach you. You can still join: open the appointment in Arogyam and choose Join video visit; the doctor will admit you.':
    '{{doctor}} ने {{time}} पर आपके वीडियो परामर्श के लिए कॉल किया, पर आप तक नहीं पहुँच सके। आप अब भी जुड़ सकते हैं: आरोग्यम में अपॉइंटमेंट खोलें और “वीडियो परामर्श में जुड़ें” चुनें; डॉक्टर आपको अंदर ले लेंगे।',
  'Arogyam: you missed a video call from {{doctor}}. Open the app and choose Join video visit to join.':
    'आरोग्यम: {{doctor}} की वीडियो कॉल छूट गई। जुड़ने के लिए ऐप खोलें और “वीडियो परामर्श में जुड़ें” चुनें।',

  // Chat.
  'your care team': 'आपकी देखभाल टीम',
  'New message from {{name}}': '{{name}} का नया संदेश',
  '{{name}} sent you a message in Arogyam. Open the app to read it and reply.':
    '{{name}} ने आपको आरोग्यम में संदेश भेजा है। पढ़ने और जवाब देने के लिए ऐप खोलें।',
  'Arogyam: new message from {{name}}. Open the app to read it.':
    'आरोग्यम: {{name}} का नया संदेश। पढ़ने के लिए ऐप खोलें।',

  // Prescriptions.
  '1 medicine': '1 दवा',
  '{{count}} medicines': '{{count}} दवाएँ',
  'New prescription from {{doctor}}': '{{doctor}} का नया पर्चा',
  'Corrected prescription from {{doctor}}': '{{doctor}} का सुधारा हुआ पर्चा',
  '{{doctor}} issued a prescription for {{patient}} ({{items}}) on {{time}}. Open it in Arogyam to read or download it.':
    '{{doctor}} ने {{time}} को {{patient}} के लिए पर्चा जारी किया ({{items}})। पढ़ने या डाउनलोड करने के लिए इसे आरोग्यम में खोलें।',
  '{{doctor}} issued a corrected prescription for {{patient}} ({{items}}) on {{time}}. Open it in Arogyam to read or download it.':
    '{{doctor}} ने {{time}} को {{patient}} के लिए सुधारा हुआ पर्चा जारी किया ({{items}})। पढ़ने या डाउनलोड करने के लिए इसे आरोग्यम में खोलें।',
  'Arogyam: {{doctor}} issued a prescription for you. Open the app to read it.':
    'आरोग्यम: {{doctor}} ने आपके लिए पर्चा जारी किया है। पढ़ने के लिए ऐप खोलें।',
  'Arogyam: {{doctor}} issued a corrected prescription for you. Open the app to read it.':
    'आरोग्यम: {{doctor}} ने आपके लिए सुधारा हुआ पर्चा जारी किया है। पढ़ने के लिए ऐप खोलें।',

  // Every email's greeting and footer.
  'Hello {{name}},': 'नमस्ते {{name}},',
  'Hello,': 'नमस्ते,',
  'Open it in Arogyam: {{link}}': 'आरोग्यम में खोलें: {{link}}',
  'The attached calendar file adds it to your calendar, or updates it there.':
    'साथ लगी कैलेंडर फ़ाइल इसे आपके कैलेंडर में जोड़ती है, या वहाँ बदल देती है।',
  '— Arogyam': '— आरोग्यम',
  "Choose which notifications reach you by email or SMS in Arogyam's notification settings.":
    'कौन-सी सूचनाएँ आपको ईमेल या SMS से मिलें, यह आरोग्यम की सूचना सेटिंग में चुनें।',

  // A doctor's verification decision.
  'Your Arogyam registration is verified': 'आरोग्यम पर आपके पंजीकरण की पुष्टि हो गई है',
  'Your Arogyam registration could not be verified': 'आरोग्यम पर आपके पंजीकरण की पुष्टि नहीं हो सकी',
  'Your medical registration has been verified. Patients can now find you in Arogyam and book consultations.':
    'आपके मेडिकल पंजीकरण की पुष्टि हो गई है। अब मरीज़ आरोग्यम में आपको ढूँढ़कर परामर्श बुक कर सकते हैं।',
  'Note from the reviewer: {{note}}': 'समीक्षक की टिप्पणी: {{note}}',
  'Set your weekly hours so patients see times they can book:':
    'अपने साप्ताहिक घंटे तय करें, ताकि मरीज़ बुक करने लायक समय देख सकें:',
  'We could not verify your medical registration, so your profile stays hidden from patients for now.':
    'हम आपके मेडिकल पंजीकरण की पुष्टि नहीं कर सके, इसलिए अभी आपकी प्रोफ़ाइल मरीज़ों से छिपी रहेगी।',
  'Reason: {{reason}}': 'कारण: {{reason}}',
  'Reason: not given': 'कारण: नहीं बताया गया',
  'Correct your details in your profile, then send them for review again from your dashboard:':
    'अपनी प्रोफ़ाइल में अपना विवरण ठीक करें, फिर अपने डैशबोर्ड से उसे दोबारा समीक्षा के लिए भेजें:',

  // A password reset link.
  'Reset your Arogyam password': 'अपना आरोग्यम पासवर्ड रीसेट करें',
  'Someone (we hope you) asked to reset the password of your Arogyam account. Open this link to choose a new one:':
    'किसी ने (उम्मीद है आपने) आपके आरोग्यम खाते का पासवर्ड रीसेट करने को कहा है। नया पासवर्ड चुनने के लिए यह लिंक खोलें:',
  '1 minute': '1 मिनट',
  '{{count}} minutes': '{{count}} मिनट',
  'The link works once, for the next {{lasts}}. Setting a new password signs you out everywhere.':
    'यह लिंक एक ही बार, अगले {{lasts}} तक काम करेगा। नया पासवर्ड रखने पर आप हर जगह से साइन आउट हो जाएँगे।',
  'If you did not ask for this, you can ignore this email: your password stays as it is.':
    'अगर आपने यह नहीं माँगा था, तो इस ईमेल को अनदेखा करें: आपका पासवर्ड जैसा है वैसा ही रहेगा।',
};
