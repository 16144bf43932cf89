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
