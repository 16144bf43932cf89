import { randomBytes } from 'node:crypto';
import type { CloudApiClient, ConversionsDataset, ConversionsOutcome, ConversionsRequest, MarkReadOutcome, OutboundMessage, SendOutcome } from '../whatsapp';

/** Where a workspace's messages go: Meta's Cloud API, or nowhere (sandbox: the simulator shows them). */
export interface Transport {
  send(message: OutboundMessage, sender: SenderInfo, options?: SendOptions): Promise<SendOutcome>;
  /** Marks the contact's message read, with the typing indicator when `typing` (sandbox: nothing leaves Tandem). */
  markRead(wamid: string, sender: SenderInfo, options: { typing: boolean }): Promise<MarkReadOutcome>;
  /** Reports conversion events to Meta's Conversions API (a cloud workspace's dataset; the caller skips sandboxes). */
  reportConversions(request: ConversionsRequest, dataset: ConversionsDataset, options?: SendOptions): Promise<ConversionsOutcome>;
}

export interface SendOptions {
  /** Earlier failed attempts of this same message, from 0; it grows the suggested retry delay. */
  attempt?: number;
}

export interface SenderInfo {
  transport: 'cloud' | 'sandbox';
  phoneNumberId: string | null;
  accessToken: string | null;
}

/** Picks the Cloud API or the sandbox per workspace. */
export class WorkspaceTransport implements Transport {
  constructor(private readonly cloud: CloudApiClient) {}

  async send(message: OutboundMessage, sender: SenderInfo, options: SendOptions = {}): Promise<SendOutcome> {
    if (sender.transport === 'sandbox') return { ok: true, wamid: sandboxWamid() };
    if (!sender.phoneNumberId || !sender.accessToken) {
      return {
        ok: false,
        error: { code: 190, message: 'This workspace has no WhatsApp credentials', httpStatus: null, source: 'tandem' },
        handling: 'reauth',
      };
    }
    return this.cloud.send({ phoneNumberId: sender.phoneNumberId, accessToken: sender.accessToken }, message, { attempt: options.attempt ?? 0 });
  }

  // The sandbox has no WhatsApp chat to mark: the simulator shows the bot's replies, not receipts.
  async markRead(wamid: string, sender: SenderInfo, options: { typing: boolean }): Promise<MarkReadOutcome> {
    if (sender.transport === 'sandbox') return { ok: true };
    if (!sender.phoneNumberId || !sender.accessToken) {
      return {
        ok: false,
        error: { code: 190, message: 'This workspace has no WhatsApp credentials', httpStatus: null, source: 'tandem' },
        handling: 'reauth',
      };
    }
    return this.cloud.markRead({ phoneNumberId: sender.phoneNumberId, accessToken: sender.accessToken }, wamid, options.typing);
  }

  reportConversions(request: ConversionsRequest, dataset: ConversionsDataset, options: SendOptions = {}): Promise<ConversionsOutcome> {
    return this.cloud.reportConversions(dataset, request, { attempt: options.attempt ?? 0 });
  }
}

/** A wamid for a message that never left Tandem. */
export function sandboxWamid(): string {
  return `wamid.sandbox.${randomBytes(12).toString('base64url')}`;
}
