import { useState } from 'react';
import { effectiveReadReceipts, readReceiptModes, type ReadReceiptMode } from '@tandem/shared';
import { endpoints, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { ConnectNumberSection } from './ConnectNumberSection';
import { ConversionsApiSection } from './ConversionsApiSection';
import { FlowDefaultsSettings } from './FlowDefaultsSettings';
import { MessagingSettings } from './MessagingSettings';
import { MessagePricesSection } from './MessagePricesSection';
import './settings.css';

const labels: Record<ReadReceiptMode, string> = {
  off: 'Off: leave messages unread',
  read: 'Mark read (blue ticks)',
  read_and_typing: 'Mark read and show “typing…”',
};

/**
 * Workspace-wide settings: the WhatsApp number (connect, test, webhook values for Meta), marketing
 * limits and consent words, what new flows start with, message prices, ad conversions to Meta,
 * read receipts. Admins edit; others read.
 */
export function WorkspaceSettingsPage({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  return (
    <div className="tn-page tn-settings" data-testid="workspace-settings">
      <header className="tn-page-head">
        <h1>Settings</h1>
        <span className="tn-muted">{workspace.name}</span>
      </header>
      {/* Keyed by workspace: each form starts again from the workspace it shows. */}
      <ConnectNumberSection key={`number-${workspace.id}`} workspace={workspace} onChanged={onChanged} />
      <MessagingSettings key={`messaging-${workspace.id}`} workspace={workspace} onChanged={onChanged} />
      <FlowDefaultsSettings key={`defaults-${workspace.id}`} workspace={workspace} onChanged={onChanged} />
      <MessagePricesSection key={`prices-${workspace.id}`} workspace={workspace} onChanged={onChanged} />
      <ConversionsApiSection key={`capi-${workspace.id}`} workspace={workspace} onChanged={onChanged} />
      <ReadReceiptsSetting key={`receipts-${workspace.id}`} workspace={workspace} onChanged={onChanged} />
    </div>
  );
}

/** Whether flows mark the customer's messages read and show "typing…", with what that does on this number. */
function ReadReceiptsSetting({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const api = useApi();
  const [picked, setPicked] = useState<ReadReceiptMode>();
  const [error, setError] = useState<string>();
  const chosen = readReceiptModes.find((m) => m === workspace.settings.readReceipts);
  const defaultMode = effectiveReadReceipts('workspace', undefined);
  const value = picked ?? chosen ?? defaultMode;
  const isAdmin = workspace.role === 'admin';

  const change = async (next: ReadReceiptMode) => {
    setPicked(next);
    setError(undefined);
    try {
      await api(endpoints.updateWorkspace, { params: { workspaceId: workspace.id }, body: { settings: { readReceipts: next } } });
      onChanged();
    } catch (e) {
      setPicked(undefined);
      setError(errorText(e));
    }
  };

  return (
    <section className="tn-panel tn-settings-section" aria-labelledby="read-receipts-title" data-testid="read-receipts-setting">
      <h2 id="read-receipts-title">Read receipts and typing</h2>
      <div className="tn-field">
        <div className="tn-field-head">
          <label htmlFor="read-receipts">When a flow takes a customer's message</label>
        </div>
        <select
          id="read-receipts"
          data-testid="read-receipts"
          value={value}
          disabled={!isAdmin}
          onChange={(e) => void change(e.target.value as ReadReceiptMode)}
        >
          {readReceiptModes.map((m) => (
            <option key={m} value={m}>
              {labels[m]}
              {chosen === undefined && m === defaultMode ? ' (default)' : ''}
            </option>
          ))}
        </select>
        <p className="tn-help">
          A flow takes a message when it is the answer to a question or starts a journey. Marking it read shows the customer blue ticks; “typing…” then shows
          until the bot's reply arrives (at most about 25 seconds). Messages no flow takes, and messages while a person is talking with the customer, are never
          marked. A flow can choose otherwise in its own settings.
        </p>
        {workspace.coexistence ? (
          <p className="tn-banner tn-banner-warning" data-testid="read-receipts-coexistence">
            This is a coexistence number. Marking a message read from Tandem also marks the chat read in the WhatsApp Business App: the App's unread badge and
            unread count drop, so people using the App may miss that the customer wrote. That is why it is off unless you turn it on.
          </p>
        ) : (
          <p className="tn-help">
            This number is used through the Cloud API only: no Business App shows its chats, so messages are marked read unless you turn it off.
          </p>
        )}
        {workspace.transport === 'sandbox' && (
          <p className="tn-help">In the sandbox nothing reaches WhatsApp; the setting applies once a real number is connected.</p>
        )}
        {!isAdmin && <p className="tn-help">Only admins can change this.</p>}
        {error && (
          <p className="tn-errors" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
