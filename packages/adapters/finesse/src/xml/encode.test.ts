// Request bodies: the brief's shapes, escaped text, and a round trip through the safe parser.

import { describe, expect, it } from 'vitest';
import { CcError } from '@cc-elements/core';
import { encodeDialogAction, encodeMakeCall, encodeMediaState, encodeTaskAction, encodeUserState } from './encode.js';
import { parseXml } from './parse.js';
import { XmlReader } from './read.js';

describe('User state changes (§3.4)', () => {
  it('signs in with an extension', () => {
    expect(encodeUserState({ state: 'LOGIN', extension: '3001' })).toBe('<User><state>LOGIN</state><extension>3001</extension></User>');
  });

  it('signs in as a mobile agent with mode and dial number', () => {
    const body = encodeUserState({ state: 'LOGIN', extension: '4001', mobileAgent: { mode: 'CALL_BY_CALL', dialNumber: '15551234567' } });
    expect(body).toBe(
      '<User><state>LOGIN</state><extension>4001</extension><mobileAgent><mode>CALL_BY_CALL</mode><dialNumber>15551234567</dialNumber></mobileAgent></User>',
    );
    const user = new XmlReader(parseXml(body, { root: 'User' }), 'User');
    expect(user.child('mobileAgent')?.token('dialNumber')).toBe('15551234567');
  });

  it('goes Ready, Not Ready with a reason, signs out with a reason or without one', () => {
    expect(encodeUserState({ state: 'READY' })).toBe('<User><state>READY</state></User>');
    expect(encodeUserState({ state: 'NOT_READY', reasonCodeId: '12' })).toBe(
      '<User><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></User>',
    );
    expect(encodeUserState({ state: 'LOGOUT', reasonCodeId: '7' })).toBe(
      '<User><state>LOGOUT</state><reasonCodeId>7</reasonCodeId></User>',
    );
    expect(encodeUserState({ state: 'NOT_READY' })).toBe('<User><state>NOT_READY</state></User>');
  });

  it('escapes what an agent typed, so it stays text after a round trip', () => {
    const typed = '30<01>&"\'</extension><state>READY</state>';
    const body = encodeUserState({ state: 'LOGIN', extension: typed });
    const user = new XmlReader(parseXml(body), 'User');
    expect(user.text('extension')).toBe(typed);
    expect(user.children('state')).toHaveLength(1);
  });
});

describe('Dialog call control (§5.4)', () => {
  it('answers, holds, retrieves, drops and completes a transfer on the agent’s extension', () => {
    for (const action of ['ANSWER', 'HOLD', 'RETRIEVE', 'DROP', 'TRANSFER'] as const) {
      expect(encodeDialogAction({ action, targetMediaAddress: '3001' })).toBe(
        `<Dialog><requestedAction>${action}</requestedAction><targetMediaAddress>3001</targetMediaAddress></Dialog>`,
      );
    }
  });

  it('blind-transfers and consults to an address', () => {
    expect(encodeDialogAction({ action: 'TRANSFER_SST', targetMediaAddress: '3001', toAddress: '3002' })).toBe(
      '<Dialog><requestedAction>TRANSFER_SST</requestedAction><targetMediaAddress>3001</targetMediaAddress><toAddress>3002</toAddress></Dialog>',
    );
    const consult = new XmlReader(
      parseXml(encodeDialogAction({ action: 'CONSULT_CALL', targetMediaAddress: '3001', toAddress: '+1 555' })),
      'Dialog',
    );
    expect([consult.token('requestedAction'), consult.text('toAddress')]).toEqual(['CONSULT_CALL', '+1 555']);
  });

  it('sends DTMF as an action parameter, and refuses tones Finesse would refuse', () => {
    expect(encodeDialogAction({ action: 'SEND_DTMF', targetMediaAddress: '3001', dtmf: '12*#A' })).toBe(
      '<Dialog><requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>3001</targetMediaAddress>' +
        '<actionParams><ActionParam><name>dtmfString</name><value>12*#A</value></ActionParam></actionParams></Dialog>',
    );
    let refused: unknown;
    try {
      encodeDialogAction({ action: 'SEND_DTMF', targetMediaAddress: '3001', dtmf: '12<x' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CcError);
    expect((refused as CcError).code).toBe('dtmf.invalid');
  });

  it('updates call data: the wrap-up reason and call variables, escaped, round-tripping', () => {
    const body = encodeDialogAction({
      action: 'UPDATE_CALL_DATA',
      wrapUpReason: 'Sale & upsell',
      callVariables: [
        { name: 'callVariable1', value: '<b>ACCT</b>' },
        { name: 'user.Language', value: '' },
      ],
    });
    expect(body).toBe(
      '<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sale &amp; upsell</wrapUpReason>' +
        '<callvariables><CallVariable><name>callVariable1</name><value>&lt;b&gt;ACCT&lt;/b&gt;</value></CallVariable>' +
        '<CallVariable><name>user.Language</name><value></value></CallVariable></callvariables></mediaProperties></Dialog>',
    );
    const properties = new XmlReader(parseXml(body), 'Dialog').child('mediaProperties');
    expect(properties?.text('wrapUpReason')).toBe('Sale & upsell');
    expect(
      properties
        ?.child('callvariables')
        ?.children('CallVariable')
        .map((variable) => variable.text('value') ?? ''),
    ).toEqual(['<b>ACCT</b>', '']);
  });

  it('makes a call', () => {
    expect(encodeMakeCall({ fromAddress: '3001', toAddress: '915551230000' })).toBe(
      '<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>3001</fromAddress><toAddress>915551230000</toAddress></Dialog>',
    );
  });
});

describe('Media (§8.1) and tasks (§8.2)', () => {
  it('signs in to an MRD with its dialog settings, and changes state there', () => {
    expect(encodeMediaState({ state: 'LOGIN', maxDialogLimit: 3, interruptAction: 'ACCEPT', dialogLogoutAction: 'CLOSE' })).toBe(
      '<Media><state>LOGIN</state><maxDialogLimit>3</maxDialogLimit><interruptAction>ACCEPT</interruptAction><dialogLogoutAction>CLOSE</dialogLogoutAction></Media>',
    );
    expect(encodeMediaState({ state: 'LOGIN' })).toBe('<Media><state>LOGIN</state></Media>');
    expect(encodeMediaState({ state: 'NOT_READY', reasonCodeId: '12' })).toBe(
      '<Media><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></Media>',
    );
    expect(encodeMediaState({ state: 'READY' })).toBe('<Media><state>READY</state></Media>');
    expect(encodeMediaState({ state: 'LOGOUT' })).toBe('<Media><state>LOGOUT</state></Media>');
  });

  it('acts on a task with the voice element names by default, and with others when configured (UNVERIFIED names)', () => {
    expect(encodeTaskAction({ action: 'ACCEPT' })).toBe('<Dialog><requestedAction>ACCEPT</requestedAction></Dialog>');
    expect(encodeTaskAction({ action: 'TRANSFER', target: 'chat_sales' })).toBe(
      '<Dialog><requestedAction>TRANSFER</requestedAction><toAddress>chat_sales</toAddress></Dialog>',
    );
    expect(
      encodeTaskAction({ action: 'TRANSFER', target: 'x' }, { root: 'MediaDialog', action: 'taskAction', target: 'scriptSelector' }),
    ).toBe('<MediaDialog><taskAction>TRANSFER</taskAction><scriptSelector>x</scriptSelector></MediaDialog>');
  });
});
