// Statements by event date: the period scans of /changes (with statement_date).
CREATE INDEX statement_event_date IF NOT EXISTS FOR (s:Statement) ON (s.event_date)
