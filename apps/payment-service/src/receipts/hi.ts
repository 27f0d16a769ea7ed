import type { Catalogue } from '@arogyam/service-kit';

/**
 * The receipts' Hindi (keys are the English, as the code writes it). Names, ids and the provider's
 * reference are printed as they are. `receipt-pdf.spec.ts` fails on a text without its Hindi.
 */
export const HINDI: Catalogue = {
  Arogyam: 'आरोग्यम',
  'Receipt for {{patient}}': '{{patient}} की रसीद',
  'Refund receipt for {{patient}}': '{{patient}} की रिफ़ंड रसीद',
  'Payment {{number}}': 'भुगतान {{number}}',
  'Refund {{number}}': 'रिफ़ंड {{number}}',
  'Payment receipt': 'भुगतान रसीद',
  'Refund receipt': 'रिफ़ंड रसीद',
  'Receipt number': 'रसीद संख्या',
  'Billed to': 'बिल किसके नाम',
  For: 'किसके लिए',
  '{{kind}} with {{doctor}}, {{time}}': '{{doctor}} के साथ {{kind}}, {{time}}',
  'Video consultation': 'वीडियो परामर्श',
  'Chat consultation': 'चैट परामर्श',
  'In-clinic consultation': 'क्लिनिक में परामर्श',
  'Amount refunded': 'रिफ़ंड की गई राशि',
  'Refunded on': 'रिफ़ंड की तारीख़',
  Reason: 'कारण',
  'The appointment was cancelled': 'अपॉइंटमेंट रद्द हुआ',
  'Refunded by Arogyam support': 'आरोग्यम सहायता द्वारा रिफ़ंड किया गया',
  'Refund of payment': 'किस भुगतान का रिफ़ंड',
  'Amount paid': 'भुगतान की गई राशि',
  'Paid on': 'भुगतान की तारीख़',
  'Paid through': 'भुगतान का माध्यम',
  'Arogyam sandbox (test payment, no money taken)': 'आरोग्यम सैंडबॉक्स (परीक्षण भुगतान, कोई पैसा नहीं लिया गया)',
  Razorpay: 'रेज़रपे (Razorpay)',
  'Provider reference': 'भुगतान सेवा का संदर्भ',
  'The refund goes back to the account the payment came from; banks take up to 7 working days to show it.':
    'रिफ़ंड उसी खाते में लौटता है जिससे भुगतान हुआ था; बैंक इसे दिखाने में 7 कामकाजी दिन तक लेते हैं।',
  'Thank you. This receipt was issued electronically through Arogyam and needs no signature.':
    'धन्यवाद। यह रसीद आरोग्यम के ज़रिए इलेक्ट्रॉनिक रूप से जारी हुई है और इस पर हस्ताक्षर की ज़रूरत नहीं है।',
  'Arogyam · Receipt {{number}}': 'आरोग्यम · रसीद {{number}}',
  'Arogyam · Refund receipt {{number}}': 'आरोग्यम · रिफ़ंड रसीद {{number}}',
  'Page {{page}} of {{pages}}': 'पृष्ठ {{page}} / {{pages}}',
};
