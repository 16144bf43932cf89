import { endpoints, type WorkspaceView } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { CopyButton } from './CopyButton';

/** The webhook fields Tandem reads: the number's messages and statuses, the Business App's echoes and syncs, account and template news. */
const webhookFields = [
  'messages',
  'smb_message_echoes',
  'history',
  'smb_app_state_sync',
  'account_update',
  'message_template_status_update',
  'phone_number_quality_update',
  'user_preferences',
];

/** What to paste into the Meta app's webhook settings so WhatsApp tells Tandem about messages (admins only). */
export function WebhookSetup({ workspace }: { workspace: WorkspaceView }) {
  const api = useApi();
  const setup = useLoad(() => api(endpoints.webhookSetup, { params: { workspaceId: workspace.id } }), workspace.id);
  return (
    <div className="tn-settings-box" data-testid="webhook-setup">
      <h3>Tell Meta where to send messages</h3>
      <p className="tn-help">
        In your app on developers.facebook.com open <strong>WhatsApp → Configuration → Webhook → Edit</strong>, paste these two values, press{' '}
        <em>Verify and save</em>, then subscribe to the fields listed below.
      </p>
      {setup.error && <p className="tn-banner tn-banner-error">{setup.error}</p>}
      {!setup.data && !setup.error && <p className="tn-muted">Loading…</p>}
      {setup.data && (
        <>
          <div className="tn-field">
            <span className="tn-field-label">Callback URL</span>
            <div className="tn-row">
              <input readOnly value={setup.data.url} className="tn-mono" aria-label="Callback URL" data-testid="webhook-url" />
              <CopyButton value={setup.data.url} label="the callback URL" testId="copy-webhook-url" />
            </div>
            {new URL(setup.data.url).protocol !== 'https:' && (
              <p className="tn-help">
                Meta only calls public https addresses. If Tandem runs behind a proxy or tunnel, give Meta that public address followed by /webhooks/whatsapp.
              </p>
            )}
          </div>
          <div className="tn-field">
            <span className="tn-field-label">Verify token</span>
            {setup.data.verifyToken ? (
              <div className="tn-row">
                <input readOnly value={setup.data.verifyToken} className="tn-mono" aria-label="Verify token" data-testid="verify-token" />
                <CopyButton value={setup.data.verifyToken} label="the verify token" testId="copy-verify-token" />
              </div>
            ) : (
              <p className="tn-banner tn-banner-warning" data-testid="verify-token-missing">
                This server has no verify token yet, so Meta's check of the address fails. Whoever runs Tandem must set WHATSAPP_VERIFY_TOKEN (any secret word)
                and restart it.
              </p>
            )}
            <p className="tn-help">
              Meta sends it back once when you press Verify and save, to prove the address is yours. It is the same for every workspace.
            </p>
          </div>
          {!setup.data.appSecretSet && (
            <p className="tn-banner tn-banner-warning" data-testid="app-secret-missing">
              This server does not know your Meta app's secret, so it refuses WhatsApp's messages. Whoever runs Tandem must set WHATSAPP_APP_SECRET to the App
              secret shown under App settings → Basic, and restart it.
            </p>
          )}
          <p className="tn-help">
            Fields to subscribe to:{' '}
            {webhookFields.map((f, i) => (
              <span key={f}>
                {i > 0 && ', '}
                <code className="tn-mono">{f}</code>
              </span>
            ))}
            .
          </p>
        </>
      )}
    </div>
  );
}
