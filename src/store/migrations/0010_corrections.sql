-- 0010: corrections and withdrawals of entries, the unit a case is forwarded to, and moves
-- entered after the fact (late paper).

-- Who made the entry (the signed-in account's staff member; NULL on a database without
-- accounts and for entries made before this step) and when, in office local time: the one
-- who entered it may correct it on the same day, the quality officer afterwards.
ALTER TABLE feedback ADD COLUMN entered_by TEXT REFERENCES staff (id);
ALTER TABLE feedback ADD COLUMN entered_at TEXT;
-- An entry made by mistake («nhập nhầm») is withdrawn: kept and marked, never deleted, and
-- left out of the figures, the queues and the overdue counts.
ALTER TABLE feedback ADD COLUMN withdrawn_at TEXT;
ALTER TABLE feedback ADD COLUMN withdrawn_reason TEXT;

-- A line of a case's history is a move (as before), a correction or a withdrawal. Only
-- moves are read by the figures and by the resolution a closing keeps.
ALTER TABLE case_event ADD COLUMN what TEXT NOT NULL DEFAULT 'move';
-- When the line was entered (office local time); `at` is when it happened, earlier for work
-- done on paper and entered later. NULL for lines entered before this step (the same as `at`).
ALTER TABLE case_event ADD COLUMN recorded_at TEXT;
-- The unit a move forwarded the case to, or a correction gave it: its arrival at that unit.
ALTER TABLE case_event ADD COLUMN unit_id TEXT REFERENCES unit (id);
CREATE INDEX case_event_unit ON case_event (unit_id, feedback_id) WHERE unit_id IS NOT NULL;

-- The figures read complaints through this index, which now leaves out withdrawn entries.
DROP INDEX feedback_complaint_facts;
CREATE INDEX feedback_complaint_facts ON feedback (received_at, closed_at, reply_due, exception_due, id)
    WHERE deleted_at IS NULL AND withdrawn_at IS NULL AND kind IN ('complaint', 'grievance', 'appeal');
