// The version of each playbook that new cases pin: its newest, unless an experiment promoted another
// version after the newest was posted (playbook_current_versions). One definition, for the intake's query and
// the catalog's (a manual open).
export const CURRENT_VERSIONS_SQL = `
SELECT v.playbook_id AS id, coalesce(c.version, v.version) AS version
  FROM (SELECT playbook_id, max(version) AS version, max(created_at) AS newest_at FROM playbook_versions GROUP BY playbook_id) v
  LEFT JOIN playbook_current_versions c ON c.playbook_id = v.playbook_id AND c.set_at >= v.newest_at`;
