import { describe, expect, it } from 'vitest';
import { countryOptions, filterCountries, splitE164, validateDialNumber, type CountryOption } from './dial-number.js';

const international = (country: string, number: string) => ({ format: 'international', country, number }) as const;
const other = (value: string, origin = 'US') => ({ format: 'other', value, origin }) as const;

describe('validateDialNumber — international format (SL-3)', () => {
  it('SL-3: US +1 with a national number gives E.164', async () => {
    expect(await validateDialNumber(international('US', '2015550123'))).toEqual({ ok: true, e164: '+12015550123', country: 'US' });
  });

  it('SL-3: FR with the national trunk 0 and spaces gives E.164 without the 0', async () => {
    expect(await validateDialNumber(international('FR', '06 12 34 56 78'))).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
  });

  it('SL-3: separators people type are accepted', async () => {
    expect(await validateDialNumber(international('US', '(201) 555-0123'))).toMatchObject({ ok: true, e164: '+12015550123' });
  });

  it('SL-3: a number belonging to another prefix is refused', async () => {
    expect(await validateDialNumber(international('US', '+33 6 12 34 56 78'))).toEqual({ ok: false, problem: 'invalid' });
  });

  it('SL-3: the number is checked against the chosen prefix’s lengths', async () => {
    expect(await validateDialNumber(international('US', '612345678'))).toEqual({ ok: false, problem: 'tooShort' });
    expect(await validateDialNumber(international('FR', '2015550123'))).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('SL-3: an unknown country is reported as such', async () => {
    expect(await validateDialNumber(international('XX', '2015550123'))).toEqual({ ok: false, problem: 'unknownCountry' });
  });
});

describe('validateDialNumber — other formats (SL-4)', () => {
  it("SL-4: the guide's E.164 example +11234567890 is accepted with the default check 'possible'", async () => {
    expect(await validateDialNumber(other('+11234567890'))).toEqual({ ok: true, e164: '+11234567890' });
  });

  it("SL-4: the 'valid' check is stricter: +11234567890 is not an assigned US range, +12015550123 is", async () => {
    expect(await validateDialNumber(other('+11234567890'), 'valid')).toEqual({ ok: false, problem: 'invalid' });
    expect(await validateDialNumber(international('US', '1234567890'), 'valid')).toEqual({ ok: false, problem: 'invalid' });
    expect(await validateDialNumber(other('+12015550123'), 'valid')).toEqual({ ok: true, e164: '+12015550123', country: 'US' });
  });

  it("SL-4: the guide's IDD example 01161123456789 dialled from the US is +61123456789", async () => {
    expect(await validateDialNumber(other('01161123456789', 'US'))).toEqual({ ok: true, e164: '+61123456789' });
  });

  it('SL-4: IDD 00 dialled from France', async () => {
    expect(await validateDialNumber(other('00 33 6 12 34 56 78', 'FR'))).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
    // The US IDD is 011, so 00… from the US is not an international number.
    expect(await validateDialNumber(other('0033612345678', 'US'))).toEqual({ ok: false, problem: 'needsPrefix' });
  });

  it('SL-4: national digits without + or IDD ask for the prefix', async () => {
    expect(await validateDialNumber(other('2015550123', 'US'))).toEqual({ ok: false, problem: 'needsPrefix' });
    expect(await validateDialNumber(other('06 12 34 56 78', 'FR'))).toEqual({ ok: false, problem: 'needsPrefix' });
  });

  it('SL-4: letters are refused before anything else', async () => {
    expect(await validateDialNumber(other('+1 800 FLOWERS'))).toEqual({ ok: false, problem: 'characters' });
    expect(await validateDialNumber(international('US', '201555O123'))).toEqual({ ok: false, problem: 'characters' });
  });

  it('SL-4: empty or blank input', async () => {
    expect(await validateDialNumber(other(''))).toEqual({ ok: false, problem: 'empty' });
    expect(await validateDialNumber(international('US', '   '))).toEqual({ ok: false, problem: 'empty' });
  });

  it('SL-4: too short and too long', async () => {
    expect(await validateDialNumber(other('+1201'))).toEqual({ ok: false, problem: 'tooShort' });
    expect(await validateDialNumber(other('+120155501234567'))).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('SL-4: a calling code that does not exist is invalid', async () => {
    expect(await validateDialNumber(other('+999123456'))).toEqual({ ok: false, problem: 'invalid' });
  });

  it('SL-4: an IDD number from an unknown origin country cannot be read', async () => {
    expect(await validateDialNumber(other('01161123456789', 'XX'))).toEqual({ ok: false, problem: 'unknownCountry' });
  });
});

describe('countryOptions / filterCountries (SL-3)', () => {
  it('PL-4: countries are named in the UI locale and sorted by that name', async () => {
    const fr = await countryOptions('fr');
    expect(fr.find((o) => o.country === 'US')).toEqual({ country: 'US', callingCode: '1', name: 'États-Unis' });
    const en = await countryOptions('en');
    expect(en.find((o) => o.country === 'US')?.name).toBe('United States');
    const names = fr.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    expect(fr.length).toBeGreaterThan(200);
  });

  it('SL-3: filter by calling code, with or without +', async () => {
    const fr = await countryOptions('fr');
    expect(filterCountries(fr, '+40').map((o) => o.country)).toEqual(['RO']);
    expect(filterCountries(fr, '40').map((o) => o.country)).toEqual(['RO']);
    expect(filterCountries(fr, ' +33 ').map((o) => o.country)).toEqual(['FR']);
    const nanp = filterCountries(fr, '+1');
    expect(nanp.map((o) => o.country)).toEqual(expect.arrayContaining(['US', 'CA']));
    expect(nanp.every((o) => o.callingCode.startsWith('1'))).toBe(true);
  });

  it('SL-3: filter by country name in the UI locale, ignoring case and accents', async () => {
    const fr = await countryOptions('fr');
    expect(filterCountries(fr, 'roum').map((o) => o.name)).toEqual(['Roumanie']);
    expect(filterCountries(fr, 'perou').map((o) => o.name)).toEqual(['Pérou']);
    expect(filterCountries(fr, 'ÉTATS').map((o) => o.country)).toEqual(expect.arrayContaining(['US', 'VI']));
    const ro = await countryOptions('ro');
    expect(filterCountries(ro, 'franta').map((o) => o.name)).toEqual(['Franța']);
  });

  it('SL-3: an ISO code finds its country; a blank query keeps everything', async () => {
    const en = await countryOptions('en');
    expect(filterCountries(en, 'ro').map((o) => o.country)).toContain('RO');
    const all = filterCountries(en, '  ');
    expect(all).toEqual(en);
    expect(all).not.toBe(en);
  });

  it('SL-3: no match gives an empty list', () => {
    const options: CountryOption[] = [{ country: 'RO', callingCode: '40', name: 'Romania' }];
    expect(filterCountries(options, 'xyz')).toEqual([]);
    expect(filterCountries(options, '+99')).toEqual([]);
  });
});

describe('splitE164 (SL-5)', () => {
  it('SL-5: splits a default dial number into country and national number', async () => {
    expect(await splitE164('+33612345678')).toEqual({ country: 'FR', number: '612345678' });
    expect(await splitE164('+12015550123')).toEqual({ country: 'US', number: '2015550123' });
    expect(await splitE164('+40212345678')).toEqual({ country: 'RO', number: '212345678' });
  });

  it('SL-5: gives up (undefined) on text that is not a number of one country', async () => {
    expect(await splitE164('not a number')).toBeUndefined();
    expect(await splitE164('+999123456')).toBeUndefined();
  });
});
