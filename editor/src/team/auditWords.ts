import type { ResponseOf, endpoints } from '@tandem/shared/api';

type AuditEntry = ResponseOf<typeof endpoints.auditLog>['entries'][number];

/** Who did it, as people read it: an e-mail, an API key by its name, or the installation's admin key. */
export function actorWords(actor: string): string {
  if (actor === 'admin key') return 'The installation’s admin key';
  const key = /^key (.+) \(key_[0-9a-z]+\)$/.exec(actor);
  return key ? `API key “${key[1]}”` : actor;
}

const consentWords: Record<string, string> = { opted_in: 'opted in', opted_out: 'opted out', unknown: 'not asked' };
const connectionWords: Record<string, string> = {
  transport: 'how it sends',
  phoneNumberId: 'phone number ID',
  displayPhoneNumber: 'display number',
  wabaId: 'WhatsApp Business Account ID',
  coexistence: 'coexistence',
  throughputMps: 'messages per second',
  accessToken: 'access token',
  settings: 'settings',
  name: 'name',
};

/** One audit entry as a sentence (after the actor): what changed, naming flows by `flowNames` (id → name). */
export function auditWords(e: AuditEntry, flowNames: ReadonlyMap<string, string>): string {
  const d = e.detail ?? {};
  const text = (key: string) => (typeof d[key] === 'string' || typeof d[key] === 'number' ? String(d[key]) : '?');
  const name = e.target ? flowNames.get(e.target) : undefined;
  const flow = name ? `“${name}”` : 'a flow deleted since';
  const changed = Array.isArray(d.changed) ? d.changed.map((k) => connectionWords[String(k)] ?? String(k)).join(', ') : '';
  switch (e.action) {
    case 'workspace.create':
      return 'created the workspace';
    case 'workspace.credentials':
      return `saved a new access token for the number${changed ? ` (changed: ${changed})` : ''}`;
    case 'workspace.connection':
      return `changed the number's connection (${changed})`;
    case 'workspace.settings':
      return 'changed the workspace settings';
    case 'workspace.resume_sends':
      return 'resumed sending';
    case 'workspace.update':
      return `changed the workspace (${changed})`;
    case 'member.set':
      return `gave ${e.target} access as ${text('role')}`;
    case 'member.role':
      return `changed the role of ${e.target} from ${text('from')} to ${text('to')}`;
    case 'member.remove':
      return `removed ${e.target} (was ${text('role')})`;
    case 'api_key.create':
      return `created the API key “${text('name')}” (${text('role')})`;
    case 'api_key.revoke':
      return `revoked the API key “${text('name')}”`;
    case 'flow.publish':
      return `published version ${text('version')} of ${flow}${typeof d.note === 'string' && d.note ? `: “${d.note}”` : ''}`;
    case 'flow.rollback':
      return `made version ${text('version')} of ${flow} live again`;
    case 'flow.archive':
      return name ? `deleted “${name}”` : 'deleted a flow';
    case 'flow.clone':
      return `copied ${flow} here from another workspace`;
    case 'flow.clone_out':
      return `copied ${flow} to another workspace`;
    case 'flow.test_draft':
      return `tested the draft of ${flow} in the simulator`;
    case 'contact.consent':
      return `changed the marketing consent of contact #${e.target} from ${consentWords[text('from')] ?? text('from')} to ${consentWords[text('to')] ?? text('to')}`;
    case 'contact.resume':
      return `gave contact #${e.target} back to the bot`;
    case 'contacts.import':
      return `imported contacts: ${text('created')} new, ${text('updated')} updated, ${text('errors')} rows not read`;
    default:
      return `${e.action}${e.target ? ` (${e.target})` : ''}`;
  }
}
