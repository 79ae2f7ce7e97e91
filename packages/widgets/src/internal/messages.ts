// Words shared by the widgets, translatable through @lit/localize. Codes from the core become
// sentences here, so every backend's errors read the same.

import { msg } from '@lit/localize';
import { SYSTEM_REASONS } from '@cc-elements/core';
import type {
  AnnouncementKind,
  Channel,
  DialNumberProblem,
  ErrorInfo,
  ExtensionProblem,
  MediaStatus,
  Role,
  StationKind,
  Media,
  IndicatorState,
  SignOutBlocker,
} from '@cc-elements/core';

export function roleName(role: Role): string {
  switch (role) {
    case 'agent':
      return msg('Agent');
    case 'supervisor':
      return msg('Supervisor');
    case 'supervisorAgent':
      return msg('Supervisor and Agent');
  }
}

export function stationKindName(kind: StationKind): string {
  switch (kind) {
    case 'dialNumber':
      return msg('Dial Number');
    case 'extension':
      return msg('Extension');
    case 'desktop':
      return msg('Desktop');
  }
}

export function channelName(channel: Channel | 'all'): string {
  switch (channel) {
    case 'all':
      return msg('All channels');
    case 'voice':
      return msg('Voice');
    case 'chatSocial':
      return msg('Chat/Social');
    case 'email':
      return msg('Email');
  }
}

export function mediaName(media: Media): string {
  switch (media) {
    case 'voice':
      return msg('Voice');
    case 'chat':
      return msg('Chat');
    case 'sms':
      return msg('SMS');
    case 'social':
      return msg('Social');
    case 'email':
      return msg('Email');
  }
}

export function statusName(status: MediaStatus | 'partial'): string {
  switch (status) {
    case 'signedOut':
      return msg('Not signed in');
    case 'signingIn':
      return msg('Signing in…');
    case 'failed':
      return msg('Sign-in failed');
    case 'notReady':
      return msg('Not Ready');
    case 'ready':
      return msg('Ready');
    case 'partial':
      return msg('Partial');
  }
}

export function indicatorName(state: IndicatorState): string {
  switch (state) {
    case 'signedOut':
      return msg('Not signed in');
    case 'failed':
      return msg('Sign-in failed on every channel');
    case 'allNotReady':
      return msg('All channels Not Ready');
    case 'allReady':
      return msg('All channels Ready');
    case 'partial':
      return msg('Some channels differ');
  }
}

export function dialNumberProblem(problem: DialNumberProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Enter a dial number.');
    case 'characters':
      return msg('Use digits only (spaces, dashes and brackets are fine).');
    case 'unknownCountry':
      return msg('Choose a country code from the list.');
    case 'needsPrefix':
      return msg('Start with + and the country code (E.164), or with the international dialling prefix (IDD).');
    case 'tooShort':
      return msg('The number is too short for this country code.');
    case 'tooLong':
      return msg('The number is too long for this country code.');
    case 'invalid':
      return msg('This is not a valid number for the chosen country code.');
  }
}

export function extensionProblem(problem: ExtensionProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Enter an extension.');
    case 'digitsOnly':
      return msg('An extension contains digits only.');
    case 'tooLong':
      return msg('The extension is too long.');
  }
}

export function signOutBlocker(blocker: SignOutBlocker): string {
  switch (blocker) {
    case 'notSignedIn':
      return msg('You are not signed in.');
    case 'channelReady':
      return msg('Set every channel to Not Ready before signing out.');
    case 'activeWork':
      return msg('Finish your active conversations before signing out.');
    case 'wrapUp':
      return msg('Finish your wrap-up before signing out.');
  }
}

/** ST-6/ST-8: the Not Ready reasons the backend sets by itself, which the tenant's list does not hold. */
export function systemReasonName(reasonId: string): string | undefined {
  switch (reasonId) {
    case SYSTEM_REASONS.declined:
      return msg('Declined a call');
    case SYSTEM_REASONS.missed:
      return msg('Missed a call');
    case SYSTEM_REASONS.rona:
      return msg('No answer (RONA)');
    default:
      return undefined;
  }
}

/** TP-11: a life-cycle announcement in a thread, when the backend gave no words of its own. */
export function announcementName(kind: AnnouncementKind | undefined): string {
  switch (kind) {
    case 'assigned':
      return msg('Conversation assigned');
    case 'transferred':
      return msg('Conversation transferred');
    case 'workflow':
      return msg('Workflow triggered');
    case 'closed':
      return msg('Conversation closed');
    case 'customerLeft':
      return msg('The customer left');
    case 'inactivityExtended':
      return msg('More time given to the customer');
    default:
      return msg('Announcement');
  }
}

/** SL-10: a sentence the agent can act on, for any error a backend or the core gives. */
export function errorMessage(error: ErrorInfo): string {
  switch (error.code) {
    case 'dialNumber.invalid':
      return msg('The dial number is not valid. Check the country code and the number.');
    case 'dialNumber.notRegistered':
      return msg('The dial number is not registered. Use a registered number or ask your administrator.');
    case 'dialNumber.notUnique':
      return msg('The dial number is already used by another agent. Use another number.');
    case 'extension.invalid':
      return msg('The extension is not valid.');
    case 'extension.notRegistered':
      return msg('The extension is not registered. Check it or ask your administrator.');
    case 'station.unavailable':
      return msg('The station could not be reached. It is retried automatically.');
    case 'profile.forbidden':
      return msg('Your profile does not allow this. Ask your administrator to check your profile and permissions.');
    case 'network':
      return msg('The server could not be reached. Check your network connection and try again.');
    case 'payload.malformed':
      return msg('The server sent a reply that could not be read. Try again; if it persists, tell your administrator.');
    case 'command.unsupported':
      return msg('This contact center does not support that action.');
    case 'session.required':
      return msg('Sign in first.');
    case 'storage.failed':
      return msg('The browser storage could not be used.');
    case 'offer.expired':
      return msg('Too late: the offer expired and went to another agent.');
    case 'task.unknown':
      return msg('This interaction is no longer yours. It may have ended or moved to another agent.');
    case 'queue.unknown':
      return msg('A queue is no longer assigned to you. Your list has been refreshed; check your selections and confirm again.');
    case 'wrapUp.reasonRequired':
      return msg('Choose a wrap-up reason before closing.');
    case 'dtmf.invalid':
      return msg('Keypad tones are digits, *, # and A to D only.');
    case 'consult.failed':
      // The backend names who did not answer; its words say more than a generic sentence.
      return error.message || msg('The consultation did not connect. The caller is still on hold.');
    default:
      // 'api', 'command.notAllowed' and codes of newer backends: the server's own words.
      return error.message || msg('The server refused the request.');
  }
}
