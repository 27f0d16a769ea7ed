import { spansOf, type TextSpan } from './text-span';

/** A PIN code after its label: "PIN 560001", "Pincode: 560 001", "postal code 110001". */
const PIN_CODE = /\b(?:PIN|Pin\s?code|PIN\s?code|Postal\s?code|ZIP)\b[\s:.-]*[1-9]\d{2}\s?\d{3}(?!\d)/i;

/** A house, flat or plot number: "House no. 12", "H.No. 4-5-67", "Flat No 302B", "Door number 7". */
const HOUSE_NUMBER =
  /\b(?:(?:House|Flat|Door|Plot|Shop|Apartment|Apt)\.?\s*(?:No\.?|Number|#)|H\.\s?No\.?)\s*[:.-]?\s*\d+[A-Z0-9/-]*/i;

/**
 * A number and a street word, capitalised as in an address: "14 MG Road", "12th Main",
 * "221B Baker Street", "45, Gandhi Nagar", and "Sector 15". Lower-case words pass: "AV block".
 */
const STREET_WORDS =
  '(?:Road|Rd|Street|St|Lane|Marg|Nagar|Colony|Layout|Avenue|Ave|Cross|Main|Block|Phase|Extension|Apartments?|Enclave|Society)';
const NUMBERED_STREET = new RegExp(
  `\\b\\d+[A-Z]?(?:st|nd|rd|th)?(?:/\\d+)?,?\\s+(?:[A-Z][\\p{L}]*\\s+){0,3}${STREET_WORDS}\\b`,
  'u',
);
const SECTOR = /\b(?:Sector|Ward\s?No\.?)\s*\d+\b/;

/** Addresses (de-identification, kind `address`). */
export function addressesIn(text: string): TextSpan[] {
  return [PIN_CODE, HOUSE_NUMBER, NUMBERED_STREET, SECTOR].flatMap((pattern) => spansOf(pattern, text));
}
