/**
 * Stores a batch of inbound messages (`$1`: a JSON array of rows, in arrival order) and answers the
 * wamids that were new; a known wamid is a webhook retry and changes nothing. One contact's new
 * messages update its row once: the latest time, the latest name given, an identifier it lacked, the latest ad
 * click (referral) with its time, and the free entry window; its active runs' restartable timers
 * start again.
 */
export const recordInboundSql = `WITH x AS (
     SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (workspace_id text, contact_id bigint, wamid text, type text, content jsonb, at timestamptz,
       free_entry_until timestamptz, profile_name text, wa_id text, user_id text, referral jsonb)) WITH ORDINALITY AS x(workspace_id, contact_id, wamid, type, content, at, free_entry_until, profile_name, wa_id, user_id, referral, n)
   ), m AS (
     INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, status_rank, at, updated_at)
     SELECT workspace_id, contact_id, 'in', wamid, type, content, 'received', 0, at, at FROM x ORDER BY n
     ON CONFLICT (wamid) DO NOTHING RETURNING wamid
   ), fresh AS (
     SELECT x.contact_id, max(x.at) AS at, max(x.free_entry_until) AS free_entry_until,
       (array_agg(x.profile_name ORDER BY x.n DESC) FILTER (WHERE x.profile_name IS NOT NULL))[1] AS profile_name,
       (array_agg(x.wa_id ORDER BY x.n DESC) FILTER (WHERE x.wa_id IS NOT NULL))[1] AS wa_id,
       (array_agg(x.user_id ORDER BY x.n DESC) FILTER (WHERE x.user_id IS NOT NULL))[1] AS user_id,
       (array_agg(x.referral ORDER BY x.at DESC) FILTER (WHERE x.referral IS NOT NULL))[1] AS referral,
       max(x.at) FILTER (WHERE x.referral IS NOT NULL) AS referral_at
     FROM x JOIN m ON m.wamid = x.wamid GROUP BY x.contact_id
   ), c AS (
     UPDATE contacts SET last_inbound_at = GREATEST(last_inbound_at, f.at), free_entry_until = GREATEST(contacts.free_entry_until, f.free_entry_until),
       profile_name = COALESCE(f.profile_name, contacts.profile_name),
       -- A contact learns the identifier it lacked (a username contact its phone number, a phone contact
       -- its user id) unless another contact of the workspace has it: that one keeps it (no merge here).
       user_id = COALESCE(contacts.user_id, CASE WHEN f.user_id IS NULL THEN NULL WHEN NOT EXISTS (SELECT 1 FROM contacts o WHERE o.workspace_id = contacts.workspace_id AND o.user_id = f.user_id) THEN f.user_id END),
       wa_id = COALESCE(contacts.wa_id, CASE WHEN f.wa_id IS NULL THEN NULL WHEN NOT EXISTS (SELECT 1 FROM contacts o WHERE o.workspace_id = contacts.workspace_id AND o.wa_id = f.wa_id) THEN f.wa_id END),
       phone = COALESCE(contacts.phone, CASE WHEN f.wa_id IS NULL THEN NULL WHEN NOT EXISTS (SELECT 1 FROM contacts o WHERE o.workspace_id = contacts.workspace_id AND o.wa_id = f.wa_id) THEN '+' || f.wa_id END),
       referral = CASE WHEN f.referral_at >= contacts.referral_at IS NOT FALSE AND f.referral IS NOT NULL THEN f.referral ELSE contacts.referral END,
       referral_at = CASE WHEN f.referral_at >= contacts.referral_at IS NOT FALSE AND f.referral IS NOT NULL THEN f.referral_at ELSE contacts.referral_at END,
       updated_at = now()
     FROM fresh f WHERE contacts.id = f.contact_id
   ), t AS (
     UPDATE timers t SET fire_at = now() + t.restart_ms * interval '1 millisecond'
     FROM runs r WHERE t.run_id = r.id AND t.restart_ms IS NOT NULL AND r.status = 'active' AND r.contact_id IN (SELECT contact_id FROM fresh)
   )
   SELECT wamid FROM m`;
