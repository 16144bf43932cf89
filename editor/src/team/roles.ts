import { roleRank, type MemberView, type Role } from '@tandem/shared/api';

export const roles: readonly Role[] = ['viewer', 'agent', 'editor', 'admin'];

export const roleLabels: Record<Role, string> = { viewer: 'Viewer', agent: 'Agent', editor: 'Editor', admin: 'Admin' };

/** What each role may do, in the words the Team page shows; each role may also do all the roles above it may. */
export const roleAbilities: Record<Role, { summary: string; can: string[] }> = {
  viewer: {
    summary: 'Looks, changes nothing',
    can: ['See the journeys, their versions and how many contacts went where', 'See the templates, the contacts and their conversations'],
  },
  agent: {
    summary: 'Answers customers',
    can: [
      'Answer customers in the Inbox when a journey hands them over to a person, and give them back to the bot',
      "Change a contact's details, tags and marketing consent",
    ],
  },
  editor: {
    summary: 'Builds journeys',
    can: [
      'Build, test in the simulator, publish and roll back journeys',
      'Create templates in the sandbox and fetch them from WhatsApp',
      'Import contacts, start or stop a contact’s journey',
    ],
  },
  admin: {
    summary: 'Runs the workspace',
    can: [
      'Invite people, change their roles and remove them',
      'Create and revoke API keys',
      'Connect the WhatsApp number and change the workspace settings',
      'Read the audit log',
    ],
  },
};

/** Whether this member is the workspace's only admin: they can be neither demoted nor removed (the server refuses too). */
export function isLastAdmin(members: readonly MemberView[], memberId: string): boolean {
  const admins = members.filter((m) => m.role === 'admin');
  return admins.length === 1 && admins[0]!.id === memberId;
}

/** Roles an API key may be given: a key acting for a system needs no more than what it does. */
export const keyRoleHelp: Record<Role, string> = {
  viewer: 'reads flows, contacts, runs and analytics',
  agent: 'also answers handoffs and updates contacts',
  editor: 'also creates, publishes and starts flows (most integrations)',
  admin: 'also manages members, keys and settings: give it only to tools you trust fully',
};

/** Roles ordered from the most to the least access, for pickers. */
export const rolesByRank = [...roles].sort((a, b) => roleRank[b] - roleRank[a]);

const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A first password for a new login: 16 characters without look-alikes (0/O, 1/l/I), from the browser's secure random source. */
export function generatePassword(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  // 256 is not a multiple of the alphabet's length; bytes beyond its last multiple are redrawn so every character is as likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  for (let i = 0; out.length < 16; i++) {
    const b = i < bytes.length ? bytes[i]! : random(new Uint8Array(1))[0]!;
    if (b < limit) out += alphabet[b % alphabet.length];
  }
  return out;
}
