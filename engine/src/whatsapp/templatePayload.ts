import { z } from 'zod';
import { documentLinkSchema, mediaLinkSchema } from './mediaPayload';

// Parts first: `templateSchema` at the end is built from them.

// `parameter_name` is set only for templates created with parameter_format NAMED (facts §3.5).
const named = { parameter_name: z.string().min(1).optional() };
const textParameterSchema = z.strictObject({ type: z.literal('text'), text: z.string().min(1), ...named });
const currencyParameterSchema = z.strictObject({
  type: z.literal('currency'),
  currency: z.strictObject({ fallback_value: z.string().min(1), code: z.string().length(3), amount_1000: z.number().int() }),
  ...named,
});
const dateTimeParameterSchema = z.strictObject({
  type: z.literal('date_time'),
  date_time: z.strictObject({ fallback_value: z.string().min(1) }),
  ...named,
});
const imageParameterSchema = z.strictObject({ type: z.literal('image'), image: mediaLinkSchema });
const videoParameterSchema = z.strictObject({ type: z.literal('video'), video: mediaLinkSchema });
const documentParameterSchema = z.strictObject({ type: z.literal('document'), document: documentLinkSchema });

const headerComponentSchema = z.strictObject({
  type: z.literal('header'),
  parameters: z
    .array(
      z.discriminatedUnion('type', [
        textParameterSchema,
        currencyParameterSchema,
        dateTimeParameterSchema,
        imageParameterSchema,
        videoParameterSchema,
        documentParameterSchema,
      ]),
    )
    .length(1),
});

const bodyComponentSchema = z.strictObject({
  type: z.literal('body'),
  parameters: z.array(z.discriminatedUnion('type', [textParameterSchema, currencyParameterSchema, dateTimeParameterSchema])).min(1),
});

// Meta's examples write the button position as a string ("0"); a number is accepted too.
const buttonIndexSchema = z.union([z.string().regex(/^\d$/, 'must be a single digit'), z.number().int().min(0).max(9)]);

const buttonComponentSchema = z.discriminatedUnion('sub_type', [
  z.strictObject({
    type: z.literal('button'),
    sub_type: z.literal('quick_reply'),
    index: buttonIndexSchema,
    parameters: z.tuple([z.strictObject({ type: z.literal('payload'), payload: z.string().min(1) })]),
  }),
  z.strictObject({
    type: z.literal('button'),
    sub_type: z.literal('url'),
    index: buttonIndexSchema,
    parameters: z.tuple([z.strictObject({ type: z.literal('text'), text: z.string().min(1) })]),
  }),
  z.strictObject({
    type: z.literal('button'),
    sub_type: z.literal('copy_code'),
    index: buttonIndexSchema,
    parameters: z.tuple([z.strictObject({ type: z.literal('coupon_code'), coupon_code: z.string().min(1) })]),
  }),
  // A Flow button: the token comes back with the Flow's answers (nodes/src/send-flow/FACTS.md).
  z.strictObject({
    type: z.literal('button'),
    sub_type: z.literal('flow'),
    index: buttonIndexSchema,
    parameters: z.tuple([
      z.strictObject({
        type: z.literal('action'),
        action: z.strictObject({ flow_token: z.string().min(1).optional(), flow_action_data: z.record(z.string(), z.unknown()).optional() }),
      }),
    ]),
  }),
]);

/** The `template` object of a template message (facts §3.5); `language.code` must match an approved translation. */
export const templateSchema = z.strictObject({
  name: z.string().min(1).max(512),
  language: z.strictObject({ code: z.string().min(2) }),
  components: z
    .array(z.discriminatedUnion('type', [headerComponentSchema, bodyComponentSchema, buttonComponentSchema]))
    .optional()
    .superRefine((components, ctx) => {
      // A template is NAMED or POSITIONAL as a whole, so its header and body variables must agree.
      const variables = (components ?? []).flatMap((component, ci) =>
        component.type === 'button'
          ? []
          : component.parameters.flatMap((parameter, pi) =>
              parameter.type === 'text' || parameter.type === 'currency' || parameter.type === 'date_time'
                ? [{ named: parameter.parameter_name !== undefined, path: [ci, 'parameters', pi, 'parameter_name'] }]
                : [],
            ),
      );
      const namedCount = variables.filter((v) => v.named).length;
      if (namedCount === 0 || namedCount === variables.length) return;
      for (const v of variables) {
        if (!v.named) ctx.addIssue({ code: 'custom', path: v.path, message: 'named and positional parameters cannot be mixed in one template' });
      }
    }),
});
export type Template = z.infer<typeof templateSchema>;
