// Statements by report date: the period scans of /changes (with statement_event_date).
CREATE INDEX statement_date IF NOT EXISTS FOR (s:Statement) ON (s.date)
