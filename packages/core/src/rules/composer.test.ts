import { describe, expect, it } from 'vitest';
import { composerCheck, isSendKeystroke, sendKey, socialStyleOf, toggleSocialStyle, type Keystroke, type SocialStyle } from './composer.js';

describe('composerCheck', () => {
  it('TP-6: within the limit the message can be sent', () => {
    expect(composerCheck('Bonjour', 1000)).toEqual({ length: 7, over: 0, canSend: true });
    expect(composerCheck('x'.repeat(1000), 1000)).toEqual({ length: 1000, over: 0, canSend: true });
  });

  it('TP-6: past the limit Send is disabled and the count says by how much', () => {
    expect(composerCheck('x'.repeat(1003), 1000)).toEqual({ length: 1003, over: 3, canSend: false });
    expect(composerCheck('abcd', 3)).toEqual({ length: 4, over: 1, canSend: false });
  });

  it('TP-6: characters are counted as a person sees them: an emoji, a flag, a family, an accent count once', () => {
    expect(composerCheck('👍', 10).length).toBe(1);
    expect(composerCheck('🇫🇷', 10).length).toBe(1);
    expect(composerCheck('👨‍👩‍👧', 10).length).toBe(1);
    expect(composerCheck('e\u0301té', 10).length).toBe(3);
    expect(composerCheck('😀'.repeat(3), 3), 'three emoji fit a limit of three').toMatchObject({ over: 0, canSend: true });
  });

  it('TP-6: empty or whitespace-only text cannot be sent, unless a file goes with it (TP-7)', () => {
    expect(composerCheck('', 1000).canSend).toBe(false);
    expect(composerCheck('  \n\t ', 1000).canSend).toBe(false);
    expect(composerCheck('', 1000, 1).canSend).toBe(true);
    expect(composerCheck('x'.repeat(11), 10, 1).canSend, 'a file does not lift the limit').toBe(false);
  });
});

describe('sendKey / isSendKeystroke', () => {
  const key = (more: Partial<Keystroke> = {}): Keystroke => ({
    key: 'Enter',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    isComposing: false,
    ...more,
  });

  it('TP-6: Enter sends in chat, Ctrl/Cmd+Enter in SMS and social; an integration channel behaves as its medium (DX-7)', () => {
    expect(sendKey('chat')).toBe('enter');
    expect(sendKey('sms')).toBe('modEnter');
    expect(sendKey('social')).toBe('modEnter');
    expect(sendKey({ media: 'chat' })).toBe('enter');
    expect(sendKey({ media: 'social' })).toBe('modEnter');
  });

  it('TP-6: in chat Enter sends and Shift+Enter is a new line', () => {
    expect(isSendKeystroke('chat', key())).toBe(true);
    expect(isSendKeystroke('chat', key({ shiftKey: true }))).toBe(false);
    expect(isSendKeystroke('chat', key({ ctrlKey: true })), 'KB: Ctrl+Enter sends chat too').toBe(true);
  });

  it('TP-6/KB: in SMS and social plain Enter is a new line; Ctrl+Enter or Cmd+Enter sends', () => {
    expect(isSendKeystroke('sms', key())).toBe(false);
    expect(isSendKeystroke('sms', key({ ctrlKey: true }))).toBe(true);
    expect(isSendKeystroke('social', key({ metaKey: true }))).toBe(true);
    expect(isSendKeystroke('social', key({ metaKey: true, shiftKey: true }))).toBe(false);
  });

  it('TP-6: Enter that confirms an input-method composition never sends; other keys never send', () => {
    expect(isSendKeystroke('chat', key({ isComposing: true }))).toBe(false);
    expect(isSendKeystroke('sms', key({ ctrlKey: true, isComposing: true }))).toBe(false);
    expect(isSendKeystroke('chat', key({ key: 'a' }))).toBe(false);
  });
});

describe('toggleSocialStyle', () => {
  const all = (text: string) => ({ start: 0, end: text.length });
  const styled = (text: string, style: SocialStyle) => toggleSocialStyle(text, all(text), style).text;

  it('TP-9: bold and italic use the mathematical sans-serif letters social platforms show', () => {
    expect(styled('Hello', 'bold')).toBe('𝗛𝗲𝗹𝗹𝗼');
    expect(styled('Hello', 'italic')).toBe('𝘏𝘦𝘭𝘭𝘰');
    expect(styled('az AZ', 'bold')).toBe('𝗮𝘇 𝗔𝗭');
  });

  it('TP-9: strikethrough puts a combining stroke after every character but line breaks', () => {
    expect(styled('ab c', 'strikethrough')).toBe('a\u0336b\u0336 \u0336c\u0336');
    expect(styled('a\nb', 'strikethrough')).toBe('a\u0336\nb\u0336');
    expect(styled('👍', 'strikethrough')).toBe('👍\u0336');
  });

  it('TP-9: digits are bold but stay upright in italic (there are no italic digits); punctuation and emoji are left alone', () => {
    expect(styled('Room 42!', 'bold')).toBe('𝗥𝗼𝗼𝗺 𝟰𝟮!');
    expect(styled('Room 42!', 'italic')).toBe('𝘙𝘰𝘰𝘮 42!');
    expect(styled('ok 👍', 'bold')).toBe('𝗼𝗸 👍');
  });

  it('TP-9: accented letters keep their accent on the styled letter and come back whole', () => {
    const bold = styled('Été', 'bold');
    expect(bold).toBe('𝗘\u0301𝘁𝗲\u0301');
    expect(toggleSocialStyle(bold, all(bold), 'bold').text).toBe('Été');
  });

  it.each(['bold', 'italic', 'strikethrough'] as const)('TP-9: %s applied twice gives the original text back (round trip)', (style) => {
    const text = 'Votre commande n°1234 est expédiée, Zoé 👍\nMerci';
    const once = toggleSocialStyle(text, all(text), style);
    expect(once.text).not.toBe(text);
    expect(socialStyleOf(once.text, once.selection)).toBe(style);
    const twice = toggleSocialStyle(once.text, once.selection, style);
    expect(twice.text).toBe(text);
    expect(twice.selection).toEqual(all(text));
  });

  it('TP-9: one style per selection: a new style replaces the one the selection had', () => {
    const bold = styled('Hi there', 'bold');
    expect(styled(bold, 'italic')).toBe('𝘏𝘪 𝘵𝘩𝘦𝘳𝘦');
    expect(styled(bold, 'strikethrough')).toBe('H\u0336i\u0336 \u0336t\u0336h\u0336e\u0336r\u0336e\u0336');
    const struck = styled('Hi', 'strikethrough');
    expect(styled(struck, 'bold')).toBe('𝗛𝗶');
  });

  it('TP-9: a partly styled selection gets the style on all of it (not removed)', () => {
    const text = `${styled('Hi', 'bold')} there`;
    expect(toggleSocialStyle(text, all(text), 'bold').text).toBe('𝗛𝗶 𝘁𝗵𝗲𝗿𝗲');
    expect(socialStyleOf(text, all(text))).toBeUndefined();
  });

  it('TP-9: only the selection changes, and the new selection surrounds the restyled text', () => {
    const text = 'Say hello now';
    const result = toggleSocialStyle(text, { start: 4, end: 9 }, 'bold');
    expect(result.text).toBe('Say 𝗵𝗲𝗹𝗹𝗼 now');
    expect(result.text.slice(result.selection.start, result.selection.end)).toBe('𝗵𝗲𝗹𝗹𝗼');
    const back = toggleSocialStyle(result.text, result.selection, 'bold');
    expect(back).toEqual({ text, selection: { start: 4, end: 9 } });
  });

  it('TP-9: a selection that splits a styled letter or its stroke is widened to whole characters; a backwards one is ordered', () => {
    const text = styled('ab', 'bold'); // two surrogate pairs
    expect(toggleSocialStyle(text, { start: 1, end: 3 }, 'bold')).toEqual({ text: 'ab', selection: { start: 0, end: 2 } });
    const struck = styled('ab', 'strikethrough');
    expect(toggleSocialStyle(struck, { start: 0, end: 1 }, 'strikethrough')).toEqual({ text: 'ab\u0336', selection: { start: 0, end: 1 } });
    expect(toggleSocialStyle('abc', { start: 3, end: 1 }, 'bold').text).toBe('a𝗯𝗰');
  });

  it('TP-9: an empty selection changes nothing', () => {
    expect(toggleSocialStyle('abc', { start: 1, end: 1 }, 'bold')).toEqual({ text: 'abc', selection: { start: 1, end: 1 } });
  });

  it('TP-9: text with nothing to style stays as it is, and the toolbar shows no style', () => {
    expect(styled('123 !', 'italic')).toBe('123 !');
    expect(socialStyleOf('123 !', all('123 !'))).toBeUndefined();
  });
});
