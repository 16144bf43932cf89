import { reportConversionJob } from '@tandem/engine/tasks';
import { addJobSql } from './enqueue';

/**
 * Records a run's conversion once per goal (`ON CONFLICT (run_id, goal) DO NOTHING`), credited in
 * the same statement from the contact's messages between the run's start and the conversion: the
 * run's own messages that went out are the bot, a message an inbox teammate sent (purpose `agent`)
 * the agent, an echo a person in the Business App. `credit` is the last of them,
 * `touches` each actor once at its last touch (in order), `first_human_response_ms` the time from
 * the run's start to the first App or agent message. Answers the new row's id, or nothing.
 *
 * $1 workspace, $2 flow, $3 version, $4 run, $5 contact, $6 goal, $7 event, $8 value,
 * $9 currency, $10 the run's start, $11 the conversion's time (both workspace time).
 */
export const recordConversionSql = `WITH t AS (
    SELECT COALESCE(m.sent_at, m.at) AS at, CASE WHEN m.direction = 'echo' THEN 'app' WHEN m.purpose = 'agent' THEN 'agent' ELSE 'bot' END AS actor
    FROM messages m
    WHERE m.contact_id = $5 AND COALESCE(m.sent_at, m.at) >= $10::timestamptz AND COALESCE(m.sent_at, m.at) <= $11::timestamptz
      AND (m.direction = 'echo'
        OR (m.direction = 'out' AND m.status IN ('sent', 'delivered', 'read', 'played') AND (m.purpose = 'agent' OR (m.run_id = $4 AND m.purpose IS DISTINCT FROM 'agent'))))
  ), last AS (
    SELECT actor, max(at) AS at FROM t GROUP BY actor
  )
  INSERT INTO conversions (workspace_id, flow_id, flow_version_id, run_id, contact_id, goal, event, value, currency, credit, touches, first_human_response_ms, at)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9,
    COALESCE((SELECT actor FROM t ORDER BY at DESC LIMIT 1), 'none'),
    COALESCE((SELECT jsonb_agg(jsonb_build_object('actor', actor, 'at', at) ORDER BY at) FROM last), '[]'::jsonb),
    (SELECT round(extract(epoch FROM min(at) - $10::timestamptz) * 1000)::bigint FROM t WHERE actor <> 'bot'),
    $11
  ON CONFLICT (run_id, goal) DO NOTHING
  RETURNING id`;

/**
 * Logs a Conversions API report (`capi_events`) and queues its job, in one statement. The event is
 * built here from the run's ad click (its `referral`, else the contact's when the click was within
 * 7 days) and the workspace's account and dataset (conversions-api-facts §3); a report that cannot
 * reach Meta is logged as `skipped` with the reason: a sandbox workspace, a run not from an ad
 * click (or one from an ad in Status, without `ctwa_clid`), a click more than 7 days before, or no
 * dataset id.
 *
 * $1 workspace, $2 contact, $3 run, $4 conversion (or null), $5 event name, $6 value, $7 currency,
 * $8 event id, $9 the time of the conversion (workspace time).
 */
export const queueConversionReportSql = `WITH src AS (
    SELECT w.transport, w.waba_id, NULLIF(w.settings #>> '{conversionsApi,datasetId}', '') AS dataset,
      COALESCE(r.referral, CASE WHEN c.referral_at > $9::timestamptz - interval '7 days' THEN c.referral || jsonb_build_object('at', c.referral_at) END) AS referral
    FROM workspaces w JOIN contacts c ON c.id = $2 LEFT JOIN runs r ON r.id = $3
    WHERE w.id = $1
  ), judged AS (
    SELECT src.*, CASE
        WHEN transport = 'sandbox' THEN 'sandbox'
        WHEN referral ->> 'ctwaClid' IS NULL THEN 'no_ad_click'
        WHEN (referral ->> 'at')::timestamptz < $9::timestamptz - interval '7 days' THEN 'ad_click_too_old'
        WHEN waba_id IS NULL OR dataset IS NULL THEN 'no_dataset'
      END AS skip
    FROM src
  ), e AS (
    INSERT INTO capi_events (workspace_id, contact_id, run_id, conversion_id, event_name, payload, status, last_error, created_at)
    SELECT $1, $2, $3, $4, $5,
      jsonb_strip_nulls(jsonb_build_object(
        'event_name', $5::text,
        'event_time', floor(extract(epoch FROM $9::timestamptz))::bigint,
        'event_id', $8::text,
        'action_source', 'business_messaging',
        'messaging_channel', 'whatsapp',
        'user_data', jsonb_build_object('whatsapp_business_account_id', waba_id, 'ctwa_clid', referral ->> 'ctwaClid'),
        'custom_data', NULLIF(jsonb_strip_nulls(jsonb_build_object('currency', upper($7::text), 'value', $6::float8)), '{}'::jsonb))),
      CASE WHEN skip IS NULL THEN 'pending' ELSE 'skipped' END,
      CASE WHEN skip IS NOT NULL THEN jsonb_build_object('reason', skip) END,
      $9
    FROM judged
    RETURNING id, status
  )
  SELECT ${addJobSql(reportConversionJob, { reportId: 'e.id' })} FROM e WHERE e.status = 'pending'`;
