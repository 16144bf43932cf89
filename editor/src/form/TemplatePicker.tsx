import type { TemplateInfo } from '@tandem/shared';
import { keyedByContent } from '../shell/contentKeys';
import type { TemplateView } from '../workspace/types';
import { applyTemplate, applyTemplateReference, templateVariableCount } from '@tandem/nodes';
import { useFormEnv } from './formContext';
import { isRecord, type Path } from './schemaInfo';
import { TemplateText } from './TemplateText';

export interface TemplatePickerProps {
  id: string;
  path: string;
  /** Where the settings naming the template are: `template` of a "Send template" step, or a reference inside other settings. */
  at: Path;
  templates: readonly TemplateView[];
}

const keyOf = (t: { name: string; language: string }) => `${t.name}|${t.language}`;

/**
 * Chooses a template from the workspace's templates. For the `template` of a "Send template" step,
 * picking one fills name, language, category, body parameters, header and button values (see
 * `applyTemplate`); for a template named inside other settings (the template a Flow step sends
 * outside the window), that reference's own fields (`applyTemplateReference`).
 * Shows the chosen template's text with its variables, its category and buttons.
 */
export function TemplatePicker({ id, path, at, templates }: TemplatePickerProps) {
  const env = useFormEnv();
  const data = env.node?.data ?? {};
  const wholeStep = at.length === 1 && at[0] === 'template';
  const holder = valueAt(data, at);
  const current = isRecord(holder) ? { name: String(holder.name ?? ''), language: String(holder.language ?? '') } : { name: '', language: '' };
  const chosen = templates.find((t) => keyOf(t) === keyOf(current));
  const sorted = [...templates].sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
  const pick = (key: string) => {
    const t = templates.find((x) => keyOf(x) === key);
    if (!t || !env.node) return;
    const next = wholeStep ? applyTemplate(env.node.data, t) : setAt(env.node.data, at, applyTemplateReference(isRecord(holder) ? holder : {}, t));
    env.node.replace(next);
  };
  return (
    <div className="tn-template-picker" data-testid="template-picker">
      <select id={id} data-path={path} value={chosen ? keyOf(chosen) : ''} onChange={(e) => pick(e.target.value)} aria-label="Template">
        {!chosen && <option value="">{current.name ? `${current.name} (${current.language}) — not in this workspace` : 'Pick a template…'}</option>}
        {sorted.map((t) => (
          <option key={keyOf(t)} value={keyOf(t)} disabled={t.status !== 'APPROVED'}>
            {`${t.name} (${t.language}) · ${t.category.toLowerCase()}${t.status !== 'APPROVED' ? ` · ${t.status.toLowerCase()}` : ''}`}
          </option>
        ))}
      </select>
      {templates.length === 0 && <p className="tn-help">This workspace has no templates yet. Sync them from WhatsApp, or add sandbox templates.</p>}
      {chosen && <TemplateCard template={chosen} />}
    </div>
  );
}

function valueAt(data: Record<string, unknown>, at: Path): unknown {
  let v: unknown = data;
  for (const k of at) v = isRecord(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** `data` with the object at `at` replaced (each record on the way copied). */
function setAt(data: Record<string, unknown>, at: Path, value: Record<string, unknown>): Record<string, unknown> {
  const [head, ...rest] = at;
  if (head === undefined) return value;
  const child = data[head];
  return { ...data, [head]: rest.length ? setAt(isRecord(child) ? child : {}, rest, value) : value };
}

/** The approved text of a template with its variables marked, its category and buttons. */
function TemplateCard({ template }: { template: TemplateInfo }) {
  const count = templateVariableCount(template);
  return (
    <div className="tn-template-card" data-testid="template-card">
      <div className="tn-chips">
        <span className={`tn-chip tn-chip-${template.category.toLowerCase()}`}>{template.category.toLowerCase()}</span>
        <span className="tn-chip">{template.language}</span>
        <span className="tn-chip" data-testid="template-variable-count">{`${count} variable${count === 1 ? '' : 's'}`}</span>
      </div>
      {template.text ? (
        <div className="tn-bubble">
          {template.text.header && <strong className="tn-bubble-header">{<TemplateText text={template.text.header} />}</strong>}
          <div className="tn-bubble-text">
            <TemplateText text={template.text.body} />
          </div>
          {template.text.footer && <div className="tn-bubble-footer">{template.text.footer}</div>}
          {template.buttons.length > 0 && (
            <div className="tn-bubble-buttons">
              {keyedByContent(template.buttons).map(({ key, item: b }) => (
                <span key={key} className="tn-bubble-button">
                  {b.text}
                  {b.dynamic && ' {{…}}'}
                </span>
              ))}
            </div>
          )}
        </div>
      ) : (
        template.bodyParameters.length > 0 && <p className="tn-help">Variables: {template.bodyParameters.map((p) => `{{${p}}}`).join(', ')}</p>
      )}
    </div>
  );
}
