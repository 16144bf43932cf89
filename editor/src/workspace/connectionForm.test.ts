import { describe, expect, it } from 'vitest';
import { workspaceView } from '../../test/workspaceFixtures';
import { connectionFormOf, connectionPatch, connectionProblems, type ConnectionForm } from './connectionForm';

const filled: ConnectionForm = {
  phoneNumberId: ' 106540352242922 ',
  wabaId: '102290129340398',
  displayPhoneNumber: '+1 631-555-5555',
  accessToken: '',
  coexistence: true,
  throughputMps: '20',
};

describe('the WhatsApp number form', () => {
  it('starts from the saved number, never with the token', () => {
    const form = connectionFormOf(workspaceView({ transport: 'cloud', phoneNumberId: '1065', hasAccessToken: true, coexistence: false, throughputMps: 80 }));
    expect(form).toEqual({ phoneNumberId: '1065', wabaId: '', displayPhoneNumber: '', accessToken: '', coexistence: false, throughputMps: '80' });
  });

  it('asks for a token when none is saved, and takes a saved one as enough', () => {
    expect(connectionProblems(filled, false)).toEqual({ accessToken: 'Paste an access token: without it Tandem cannot send' });
    expect(connectionProblems(filled, true)).toEqual({});
  });

  it('explains that the phone number ID is not the phone number', () => {
    expect(connectionProblems({ ...filled, phoneNumberId: '+1 631 555 5555' }, true).phoneNumberId).toBe(
      'The phone number ID is a long number of digits only (not the phone number with + or spaces)',
    );
  });

  it('checks the throughput only for numbers outside coexistence', () => {
    expect(connectionProblems({ ...filled, throughputMps: '5000' }, true)).toEqual({});
    expect(connectionProblems({ ...filled, coexistence: false, throughputMps: '5000' }, true)).toEqual({ throughputMps: 'Use a whole number from 1 to 1,000' });
  });

  it('saves on the Cloud API, sends the token only when a new one was typed, and fixes coexistence at 20 a second', () => {
    expect(connectionPatch({ ...filled, throughputMps: '80' })).toEqual({
      transport: 'cloud',
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      displayPhoneNumber: '+1 631-555-5555',
      coexistence: true,
      throughputMps: 20,
    });
    expect(connectionPatch({ ...filled, accessToken: ' EAAG-new ', coexistence: false, throughputMps: '80' })).toMatchObject({
      accessToken: 'EAAG-new',
      coexistence: false,
      throughputMps: 80,
    });
  });
});
