import { describe, expect, it } from 'vitest';
import type { AttachmentRules } from '../model/digital.js';
import { checkAttachments, failsPci, fileFormat, formatBytes, inboundBlocked, type FileFacts } from './attachments.js';

const MB = 1024 * 1024;
const RULES: AttachmentRules = {
  maxSizeBytes: 5 * MB,
  maxCount: 3,
  formats: ['pdf', 'png', 'JPG', '.docx'],
  pciBlockedFormats: ['exe'],
  pciNamePatterns: ['\\b(?:\\d[ -]?){13,16}\\b'],
};
const file = (name: string, size = 1000, type = 'application/octet-stream'): FileFacts => ({ name, size, type });

describe('fileFormat', () => {
  it('TP-7: the extension, lower case; a name without one has format ""', () => {
    expect(fileFormat('Facture.PDF')).toBe('pdf');
    expect(fileFormat('archive.tar.gz')).toBe('gz');
    expect(fileFormat('README')).toBe('');
    expect(fileFormat('.env')).toBe('');
    expect(fileFormat('photo.')).toBe('');
    expect(fileFormat('C:\\scans.d\\lettre')).toBe('');
  });
});

describe('checkAttachments', () => {
  it('TP-7: several files at once, in the order given, formats compared case-insensitively', () => {
    const added = [file('a.pdf'), file('B.PNG'), file('c.jpg')];
    expect(checkAttachments([], added, RULES)).toEqual({ accepted: added, refused: [] });
    expect(checkAttachments([], [file('lettre.DOCX')], RULES).accepted).toHaveLength(1);
  });

  it('EM-5: a format not configured is refused; a file without extension too, unless any format is allowed', () => {
    expect(checkAttachments([], [file('macro.xlsm')], RULES).refused).toEqual([{ file: file('macro.xlsm'), reason: 'format' }]);
    expect(checkAttachments([], [file('README')], RULES).refused[0]?.reason).toBe('format');
    expect(checkAttachments([], [file('README')], { ...RULES, formats: [] }).accepted).toEqual([file('README')]);
  });

  it('EM-5: a file over the size limit is refused with the limit; exactly the limit passes', () => {
    const big = file('scan.pdf', 5 * MB + 1);
    expect(checkAttachments([], [big, file('ok.pdf', 5 * MB)], RULES)).toEqual({
      accepted: [file('ok.pdf', 5 * MB)],
      refused: [{ file: big, reason: 'tooLarge', limit: 5 * MB }],
    });
  });

  it('EM-5: the count includes files already attached; refused files do not use a place', () => {
    const result = checkAttachments([file('one.pdf')], [file('bad.zip'), file('two.pdf'), file('three.pdf'), file('four.pdf')], RULES);
    expect(result.accepted.map((f) => f.name)).toEqual(['two.pdf', 'three.pdf']);
    expect(result.refused).toEqual([
      { file: file('bad.zip'), reason: 'format' },
      { file: file('four.pdf'), reason: 'tooMany', limit: 3 },
    ]);
  });

  it('EM-5: outbound files failing the PCI rule are removed with reason "pci", before any other reason', () => {
    const card = file('carte 4970 1012 3456 7890.pdf');
    const exe = file('setup.EXE', 50 * MB);
    expect(checkAttachments([], [card, exe, file('ok.pdf')], { ...RULES, formats: [] })).toEqual({
      accepted: [file('ok.pdf')],
      refused: [
        { file: card, reason: 'pci' },
        { file: exe, reason: 'pci' },
      ],
    });
  });

  it('TP-7: whatever the agent passes (a browser File) comes back as is', () => {
    const dropped = { ...file('a.pdf'), lastModified: 1 };
    expect(checkAttachments([], [dropped], RULES).accepted[0]).toBe(dropped);
  });
});

describe('failsPci', () => {
  it('EM-5: blocked formats and name patterns, case-insensitive', () => {
    expect(failsPci('Card-4970101234567890.PNG', RULES)).toBe(true);
    expect(failsPci('facture-2024-03.pdf', RULES)).toBe(false);
    expect(failsPci('x.Exe', RULES)).toBe(true);
    expect(failsPci('CVV.txt', { pciBlockedFormats: [], pciNamePatterns: ['cvv'] })).toBe(true);
  });

  it('EM-5: a pattern that is not a valid regular expression blocks every file rather than none', () => {
    expect(failsPci('facture.pdf', { pciBlockedFormats: [], pciNamePatterns: ['(unclosed'] })).toBe(true);
  });
});

describe('inboundBlocked', () => {
  it('EM-5: an attachment the backend blocked is greyed out with the backend’s reason', () => {
    const error = { code: 'pci.cardNumber', message: 'Contains a card number' };
    expect(inboundBlocked({ name: 'photo.png', blocked: error }, RULES)).toEqual({ reason: 'backend', error });
  });

  it('EM-5: one failing the medium’s PCI rule is greyed out too; a clean one is downloadable', () => {
    expect(inboundBlocked({ name: 'virus.exe' }, RULES)).toEqual({ reason: 'pci' });
    expect(inboundBlocked({ name: 'devis.pdf' }, RULES)).toBeUndefined();
    expect(inboundBlocked({ name: 'virus.exe' }), 'no rules for the medium: only the backend decides').toBeUndefined();
  });
});

describe('formatBytes', () => {
  it('TP-7: sizes in the agent’s language, with steps of 1024', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * MB, 'en')).toBe('5 MB');
    // ICU versions differ on which no-break space French puts before the unit.
    expect(formatBytes(1.5 * MB, 'fr').replace(/\s/gu, ' ')).toBe('1,5 Mo');
    expect(formatBytes(3 * 1024 * MB, 'ro')).toBe('3 GB');
  });

  it('TP-7: rounding never shows "1024 kB"', () => {
    expect(formatBytes(MB - 1, 'en')).toBe('1 MB');
    expect(formatBytes(0, 'en')).toBe('0 bytes');
  });
});
