import { z } from 'zod';
import { route } from '../route';
import { wsFlow } from './params';

const money = z.number();

/**
 * What a journey or broadcast would cost before publishing, by the workspace's rate table. A
 * broadcast's audience is priced as it is now: a contact within its 72-hour free entry window
 * (after an ad click) pays nothing, one whose 24-hour window is open pays nothing for utility
 * templates; either may have changed by the time the broadcast is sent.
 */
const costEstimateSchema = z.object({
  currency: z.string(),
  /** Every template the journey may send, sent once per contact: one contact's list price per market (no free case). */
  perContact: z.array(z.object({ market: z.string(), cost: money })),
  /** The broadcast audience today; null when the flow has no broadcast trigger. */
  audience: z.number().int().nullable(),
  /** Per market of the audience: `free` of its `contacts` pay less than `perContact` now; `cost` is what they all pay now. */
  lines: z.array(z.object({ market: z.string(), contacts: z.number().int(), perContact: money, free: z.number().int(), cost: money })),
  /** Contacts of the audience who are free or partly free now (Σ of the lines' `free`); null without a broadcast trigger. */
  freeContacts: z.number().int().nullable(),
  /** What one sending costs now (Σ of the lines' `cost`); null without a broadcast trigger. */
  total: money.nullable(),
  /** The lowest budget of the flow's triggers; null when none has one. */
  budget: money.nullable(),
});

/** Cost estimates. */
export const costEndpoints = {
  flowCostEstimate: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/flows/{flowId}/cost-estimate',
    summary: "What the flow's draft would cost per market and in total (its broadcast audience today)",
    tag: 'flows',
    role: 'viewer',
    params: wsFlow,
    response: costEstimateSchema,
  }),
};
