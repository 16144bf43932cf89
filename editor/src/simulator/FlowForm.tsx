import { useId, useState, type FormEvent } from 'react';
import { ClipboardList, X } from 'lucide-react';
import type { WaFlowField, WaFlowInfo } from '@tandem/shared';
import { endpoints, type BodyOf } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import type { FlowOpening } from '../chat/ChatThread';

type Answers = BodyOf<typeof endpoints.simulateFlowReply>['answers'];
type Value = string | boolean | string[];

export interface FlowFormProps {
  workspaceId: string;
  waId: string;
  /** The Flow being opened: its token and the message it came in. */
  opening: FlowOpening;
  waFlows: readonly WaFlowInfo[];
  onClose: () => void;
  /** Called once the answers are posted (the thread then reloads). */
  onSent: () => void;
}

/**
 * The test contact fills in a WhatsApp Flow, as WhatsApp would show it: the fields of every screen
 * in order, under each screen's title. Required fields must be filled; submitting posts the answers
 * by field name with the message's token, as the `nfm_reply` WhatsApp delivers.
 */
export function FlowForm({ workspaceId, waId, opening, waFlows, onClose, onSent }: FlowFormProps) {
  const api = useApi();
  const flow = findFlow(opening, waFlows);
  const [values, setValues] = useState<Record<string, Value>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const headingId = useId();
  const screens = flow ? uniqueFields(flow) : [];
  const fields = screens.flatMap((s) => s.fields);

  const set = (name: string, value: Value) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (missing.has(name) && filled(value)) setMissing((m) => new Set([...m].filter((n) => n !== name)));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unfilled = fields.filter((f) => f.required && !filled(values[f.name] ?? emptyValue(f))).map((f) => f.name);
    setMissing(new Set(unfilled));
    setError(undefined);
    if (unfilled.length) return;
    setBusy(true);
    try {
      await api(endpoints.simulateFlowReply, {
        params: { workspaceId },
        body: { waId, token: opening.token, answers: answersOf(fields, values), ...(opening.contextWamid ? { contextWamid: opening.contextWamid } : {}) },
      });
      onSent();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <section className="tn-flow-sheet" role="dialog" aria-labelledby={headingId} data-testid="flow-form" data-flow={flow?.id ?? ''}>
      <header className="tn-flow-sheet-head">
        <button type="button" onClick={onClose} aria-label="Close the form" title="Close without sending">
          <X size={16} aria-hidden />
        </button>
        <strong id={headingId}>
          <ClipboardList size={14} aria-hidden /> {flow?.name || opening.title}
        </strong>
      </header>
      {flow ? (
        <form className="tn-flow-sheet-body" noValidate onSubmit={(e) => void submit(e)}>
          {screens.map((s) => (
            <fieldset key={s.id} className="tn-flow-screen" data-screen={s.id}>
              <legend>{s.title || s.id}</legend>
              {s.fields.map((f) => (
                <FlowField key={f.name} field={f} value={values[f.name] ?? emptyValue(f)} missing={missing.has(f.name)} onChange={(v) => set(f.name, v)} />
              ))}
            </fieldset>
          ))}
          {fields.length === 0 && <p className="tn-help">Tandem could not read any fields of this Flow: it is sent back empty.</p>}
          {(missing.size > 0 || error) && (
            <p className="tn-errors" role="alert">
              {missing.size > 0 ? `Fill in ${missing.size === 1 ? 'the required field' : `the ${missing.size} required fields`} first` : error}
            </p>
          )}
          <button type="submit" className="tn-primary tn-flow-submit" disabled={busy} data-testid="flow-submit">
            {busy ? 'Sending…' : 'Submit'}
          </button>
        </form>
      ) : (
        <p className="tn-flow-sheet-body tn-help" data-testid="flow-unknown">
          {opening.flowId
            ? `The Flow ${opening.flowId} is not one of this workspace's WhatsApp Flows, so the simulator does not know its fields. Sync the Flows from WhatsApp (in the step's settings) and open it again.`
            : 'This template\'s Flow button does not say which Flow it opens (it was not sent by a "Send WhatsApp Flow" step), so the simulator cannot show the form.'}
        </p>
      )}
    </section>
  );
}

/** One field, with the input its type calls for. */
function FlowField({ field: f, value, missing, onChange }: { field: WaFlowField; value: Value; missing: boolean; onChange: (v: Value) => void }) {
  const id = useId();
  const label = (
    <>
      {f.label || f.name}
      {f.required && (
        <span className="tn-required" title="Required">
          {' '}
          *
        </span>
      )}
    </>
  );
  const problem = missing && (
    <p className="tn-errors" data-missing={f.name}>
      {f.type === 'boolean' ? 'Tick this to go on' : 'Required'}
    </p>
  );
  const common = { id, 'data-field': f.name, 'aria-invalid': missing || undefined, required: f.required };
  if (f.type === 'boolean') {
    return (
      <div className="tn-flow-field">
        <label className="tn-toggle">
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span>{label}</span>
        </label>
        {problem}
      </div>
    );
  }
  if (f.type === 'multi_choice') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="tn-flow-field tn-flow-choices" data-field={f.name} aria-invalid={missing || undefined}>
        <legend>{label}</legend>
        {f.options.map((o) => (
          <label key={o.id} className="tn-choice">
            <input
              type="checkbox"
              value={o.id}
              checked={chosen.includes(o.id)}
              onChange={(e) => onChange(f.options.map((x) => x.id).filter((x) => (x === o.id ? e.target.checked : chosen.includes(x))))}
            />
            {o.title}
          </label>
        ))}
        {problem}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="tn-flow-field">
      <label htmlFor={id}>{label}</label>
      {f.type === 'choice' ? (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {f.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={inputTypes[f.type]} value={text} onChange={(e) => onChange(e.target.value)} />
      )}
      {problem}
    </div>
  );
}

const inputTypes: Record<Exclude<WaFlowField['type'], 'boolean' | 'multi_choice' | 'choice'>, string> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  number: 'number',
  date: 'date',
};

/** The Flow a message opens, by the id the Flow message or the step that sent the template recorded. */
function findFlow(opening: FlowOpening, waFlows: readonly WaFlowInfo[]): WaFlowInfo | undefined {
  return opening.flowId ? waFlows.find((f) => f.id === opening.flowId) : undefined;
}

/** The screens with their fields; a field a later screen repeats (a value handed on) is asked once. */
function uniqueFields(flow: WaFlowInfo): WaFlowInfo['screens'] {
  const seen = new Set<string>();
  return flow.screens.map((s) => ({
    ...s,
    fields: s.fields.filter((f) => {
      if (seen.has(f.name)) return false;
      seen.add(f.name);
      return true;
    }),
  }));
}

function emptyValue(f: WaFlowField): Value {
  return f.type === 'boolean' ? false : f.type === 'multi_choice' ? [] : '';
}

function filled(v: Value): boolean {
  return Array.isArray(v) ? v.length > 0 : typeof v === 'boolean' ? v : v.trim() !== '';
}

/** The reply's values by field name: numbers as numbers, an opt-in as true/false, choices by id; empty optional fields left out. */
function answersOf(fields: readonly WaFlowField[], values: Record<string, Value>): Answers {
  const answers: Answers = {};
  for (const f of fields) {
    const v = values[f.name] ?? emptyValue(f);
    if (f.type === 'boolean') answers[f.name] = v === true;
    else if (!filled(v)) continue;
    else if (f.type === 'number' && typeof v === 'string' && Number.isFinite(Number(v))) answers[f.name] = Number(v);
    else answers[f.name] = v;
  }
  return answers;
}
