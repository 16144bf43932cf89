import type { BodyOf, endpoints, WorkspaceView } from '@tandem/shared/api';

/** What the "WhatsApp number" form holds; the access token is empty unless a new one is typed (the saved one is never shown). */
export interface ConnectionForm {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  accessToken: string;
  coexistence: boolean;
  throughputMps: string;
}

type WorkspacePatch = BodyOf<typeof endpoints.updateWorkspace>;

/** Coexistence numbers are fixed at 20 messages a second (facts §4.7). */
export const COEXISTENCE_MPS = 20;

export function connectionFormOf(w: WorkspaceView): ConnectionForm {
  return {
    phoneNumberId: w.phoneNumberId ?? '',
    wabaId: w.wabaId ?? '',
    displayPhoneNumber: w.displayPhoneNumber ?? '',
    accessToken: '',
    coexistence: w.coexistence,
    throughputMps: String(w.throughputMps),
  };
}

/** What is wrong with the form, by field, in words for the person filling it in; empty when it may be saved. */
export function connectionProblems(form: ConnectionForm, hasAccessToken: boolean): Partial<Record<keyof ConnectionForm, string>> {
  const problems: Partial<Record<keyof ConnectionForm, string>> = {};
  const id = form.phoneNumberId.trim();
  if (!id) problems.phoneNumberId = 'Enter the phone number ID from API Setup in your Meta app';
  else if (!/^\d{5,32}$/.test(id)) problems.phoneNumberId = 'The phone number ID is a long number of digits only (not the phone number with + or spaces)';
  const waba = form.wabaId.trim();
  if (waba && !/^\d{5,32}$/.test(waba)) problems.wabaId = 'The WhatsApp Business Account ID is digits only';
  if (form.displayPhoneNumber.trim().length > 32) problems.displayPhoneNumber = 'Use at most 32 characters';
  const token = form.accessToken.trim();
  if (!token && !hasAccessToken) problems.accessToken = 'Paste an access token: without it Tandem cannot send';
  else if (token && (token.length < 10 || /\s/.test(token)))
    problems.accessToken = 'This does not look like an access token (at least 10 characters, no spaces)';
  const mps = Number(form.throughputMps);
  if (!form.coexistence && (!Number.isInteger(mps) || mps < 1 || mps > 1_000)) problems.throughputMps = 'Use a whole number from 1 to 1,000';
  return problems;
}

/** The change to save: the number's fields, the token only when a new one was typed, on the Cloud API. */
export function connectionPatch(form: ConnectionForm): WorkspacePatch {
  const token = form.accessToken.trim();
  const waba = form.wabaId.trim();
  return {
    transport: 'cloud',
    phoneNumberId: form.phoneNumberId.trim(),
    ...(waba ? { wabaId: waba } : {}),
    displayPhoneNumber: form.displayPhoneNumber.trim(),
    ...(token ? { accessToken: token } : {}),
    coexistence: form.coexistence,
    throughputMps: form.coexistence ? COEXISTENCE_MPS : Number(form.throughputMps),
  };
}
