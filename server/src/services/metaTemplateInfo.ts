import { z } from 'zod';
import { templateInfoSchema, type TemplateInfo } from '@tandem/shared';

const metaButtonSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  url: z.string().optional(),
  // Meta answers a FLOW button's flow_id as a number or a string.
  flow_id: z.union([z.string(), z.number()]).optional(),
});
const metaComponentSchema = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(metaButtonSchema).optional(),
});

/** A template as Meta lists it (`GET /<WABA_ID>/message_templates`), with the fields Tandem asks for. */
export const metaTemplateSchema = z.looseObject({
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.string().optional(),
  components: z.array(metaComponentSchema).default([]),
});
export type MetaTemplate = z.infer<typeof metaTemplateSchema>;

/**
 * What the checker needs from a template Meta lists: body parameters from `{{1}}` or `{{name}}`
 * placeholders, the header format and whether its text has a parameter, the buttons (a URL with
 * a placeholder, a copy-code or an OTP button needs a value at send time), and the texts for
 * previews. Undefined for a category Tandem does not send (it could never be chosen in a flow).
 */
export function metaTemplateInfo(t: MetaTemplate): TemplateInfo | undefined {
  const category = templateInfoSchema.shape.category.safeParse(t.category.toUpperCase());
  if (!category.success) return undefined;
  const component = (type: string) => t.components.find((c) => c.type.toUpperCase() === type);
  const header = component('HEADER');
  const body = component('BODY');
  const footer = component('FOOTER');
  const named = t.parameter_format?.toUpperCase() === 'NAMED';
  const headerFormat = header ? headerFormats.find((f) => f === header.format?.toLowerCase()) : undefined;
  return templateInfoSchema.parse({
    name: t.name,
    language: t.language,
    category: category.data,
    status: t.status.toUpperCase(),
    parameterFormat: named ? 'named' : 'positional',
    bodyParameters: bodyParameters(body?.text ?? '', named),
    header: headerFormat ?? 'none',
    headerHasParameter: headerFormat === 'text' && placeholders(header?.text ?? '').length > 0,
    buttons: (component('BUTTONS')?.buttons ?? []).map((b) => {
      const type = buttonTypes.find((x) => x === b.type.toUpperCase()) ?? 'OTHER';
      const dynamic = type === 'URL' ? placeholders(b.url ?? '').length > 0 : type === 'COPY_CODE' || type === 'OTP';
      // Meta lists a copy-code button without text; WhatsApp shows it as "Copy offer code".
      const flowId = type === 'FLOW' && b.flow_id !== undefined ? { flowId: String(b.flow_id) } : {};
      return { type, text: b.text ?? (type === 'COPY_CODE' ? 'Copy offer code' : type), dynamic, ...flowId };
    }),
    ...(body?.text !== undefined
      ? {
          text: {
            body: body.text,
            ...(headerFormat === 'text' && header?.text ? { header: header.text } : {}),
            ...(footer?.text ? { footer: footer.text } : {}),
          },
        }
      : {}),
  });
}

const headerFormats = ['text', 'image', 'video', 'document', 'location'] as const;
const buttonTypes = ['QUICK_REPLY', 'URL', 'COPY_CODE', 'PHONE_NUMBER', 'OTP', 'FLOW'] as const;

/** Placeholder names in order of first appearance, each once. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!))];
}

/** Positional parameters are filled by number, so they are listed in numeric order. */
function bodyParameters(text: string, named: boolean): string[] {
  const names = placeholders(text);
  return named ? names : names.sort((a, b) => Number(a) - Number(b));
}
