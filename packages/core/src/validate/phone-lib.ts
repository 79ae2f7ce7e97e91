// The parts of libphonenumber-js the dial-number checks use, as one module loaded on first use:
// importing the library's whole namespace would keep every export in the lazy chunk.
export {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  Metadata,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';
