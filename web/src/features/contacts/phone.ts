/** Two-digit country calling codes (ITU E.164 zones); codes starting 1 or 7 have one digit, the rest three. */
const TWO_DIGIT = /^(2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/;

/** The country calling code of an E.164 number's digits ("420601123456" -> "420"). */
export function callingCode(digits: string): string {
  if (/^[17]/.test(digits)) return digits.slice(0, 1);
  if (TWO_DIGIT.test(digits)) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/** E.164 made readable without a phone library in the browser: "+420601123456" -> "+420 601 123 456". */
export function formatPhone(e164: string): string {
  const m = /^\+(\d{6,15})$/.exec(e164);
  if (!m) return e164;
  const cc = callingCode(m[1]!);
  const rest = m[1]!.slice(cc.length).replace(/(\d{3})(?=\d{3,})/g, '$1 ');
  return `+${cc} ${rest}`;
}
