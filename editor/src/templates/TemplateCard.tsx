import type { TemplateView } from '../workspace/types';
import { navigate, routeHash } from '../shell/router';
import { categoryWords, qualityWords, rejectionWords, statusWords } from './templateWords';

const useWords = { draft: 'draft only', live: 'live', both: 'live and draft' } as const;

/** One template: its status, quality, the message as WhatsApp shows it, and the flows that send it. */
export function TemplateCard({ template: t, workspaceId }: { template: TemplateView; workspaceId: string }) {
  const status = statusWords(t.status);
  const quality = qualityWords(t.quality);
  const usedBy = t.usedBy ?? [];
  return (
    <li className="tn-panel tn-template-item" data-testid="template" data-name={t.name} data-language={t.language}>
      <div className="tn-template-item-head">
        <strong className="tn-mono">{t.name}</strong>
        <span className="tn-chip">{t.language}</span>
        <span className={`tn-chip tn-chip-${t.category.toLowerCase()}`}>{categoryWords[t.category]}</span>
        <span className={`tn-template-status tn-tone-${status.tone}`} title={status.help} data-testid="template-status">
          {status.label}
        </span>
        {quality && <span className={`tn-template-status tn-tone-${quality.tone}`}>{quality.label}</span>}
        <span className="tn-spacer" />
        <span className="tn-muted">{t.source === 'sandbox' ? 'Added here' : 'From Meta'}</span>
      </div>
      {status.tone !== 'ok' && <p className="tn-help">{status.help}</p>}
      {t.rejectedReason && <p className="tn-errors">Why: {rejectionWords(t.rejectedReason)}</p>}
      <div className="tn-template-preview">
        {t.header !== 'none' && <div className="tn-bubble-header">{t.header === 'text' ? (t.text?.header ?? 'Header text') : `[${t.header} header]`}</div>}
        <div className="tn-bubble-text" dir="auto">
          {t.text?.body ?? <span className="tn-muted">The text was not synced.</span>}
        </div>
        {t.text?.footer && <div className="tn-bubble-footer">{t.text.footer}</div>}
        {t.buttons.length > 0 && (
          <div className="tn-template-buttons">
            {t.buttons.map((b) => (
              <span key={`${b.type}:${b.text}`} className="tn-chip tn-chip-button" title={buttonHelp(b.type)}>
                {b.text}
              </span>
            ))}
          </div>
        )}
      </div>
      <div className="tn-template-uses" data-testid="template-used-by">
        {usedBy.length === 0 ? (
          <span className="tn-muted">Not used by any flow yet.</span>
        ) : (
          <>
            <span>Used by </span>
            {usedBy.map((u, i) => (
              <span key={u.flowId}>
                {i > 0 && ', '}
                <a
                  href={routeHash({ name: 'flow', workspaceId, flowId: u.flowId })}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'flow', workspaceId, flowId: u.flowId });
                  }}
                  data-testid="template-flow-link"
                >
                  {u.flowName}
                </a>{' '}
                <span className="tn-muted">({useWords[u.where]})</span>
              </span>
            ))}
          </>
        )}
      </div>
    </li>
  );
}

function buttonHelp(type: TemplateView['buttons'][number]['type']): string {
  return type === 'QUICK_REPLY' ? 'Quick reply: the journey can branch on it' : type === 'URL' ? 'Opens a link' : type.toLowerCase().replaceAll('_', ' ');
}
