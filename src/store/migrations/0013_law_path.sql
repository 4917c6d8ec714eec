-- 0013: formal complaints under the Law on Complaints (the acceptance decision, complex
-- cases), on-the-spot settlements reported to the QMR, and the corrective-action register
-- (a unit, and sources besides cases).

-- The acceptance decision (thụ lý or not, Luật Khiếu nại 2011, art. 27): 'accepted' or
-- 'refused', why, on which day (office local date), and whether it came after its deadline
-- (recorded all the same, flagged). NULL until decided. `accepted_on` keeps the day handling
-- started (the decision's day once it is recorded), from which the deadline to decide runs.
ALTER TABLE feedback ADD COLUMN acceptance TEXT;
ALTER TABLE feedback ADD COLUMN acceptance_reason TEXT;
ALTER TABLE feedback ADD COLUMN acceptance_on TEXT;
ALTER TABLE feedback ADD COLUMN acceptance_late INTEGER NOT NULL DEFAULT 0;
-- Why the case was marked complex (vụ việc phức tạp, art. 28: 45 days to decide).
ALTER TABLE feedback ADD COLUMN complex_reason TEXT;

-- Feedback settled on the spot is reported to the QMR (seed 001, step 1): it waits in the
-- QMR's list until the QMR marks it seen. Settlements entered before this step count as seen.
ALTER TABLE feedback ADD COLUMN settled_on_spot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feedback ADD COLUMN settlement_seen_at TEXT;
ALTER TABLE feedback ADD COLUMN settlement_seen_by TEXT REFERENCES staff (id);
UPDATE feedback SET settled_on_spot = 1, settlement_seen_at = closed_at
 WHERE EXISTS (SELECT 1 FROM case_event e WHERE e.feedback_id = feedback.id AND e.note LIKE 'Giải quyết ngay tại chỗ:%');
CREATE INDEX feedback_settlement_unseen ON feedback (received_at) WHERE settled_on_spot = 1 AND settlement_seen_at IS NULL;

-- The register: the unit an action belongs to, and its sources besides cases: a survey
-- finding (a criterion under its objective, an opinion group) or the annual report's
-- proposals. `ref` names the source within its kind (a criterion's code, a group's name, a
-- year); `label` is how the register prints it.
ALTER TABLE corrective_action ADD COLUMN unit_id TEXT REFERENCES unit (id);
CREATE TABLE corrective_action_source (
    action_id  TEXT NOT NULL REFERENCES corrective_action (id),
    kind       TEXT NOT NULL,
    ref        TEXT NOT NULL,
    label      TEXT NOT NULL,
    PRIMARY KEY (action_id, kind, ref)
) STRICT;

-- The figures read formal complaints on their own, through this index: a few rows a year,
-- found without reading the book.
CREATE INDEX feedback_formal_facts ON feedback (received_at, closed_at, formal_accept_due, acceptance_on, formal_decide_due, acceptance)
    WHERE formal = 1 AND deleted_at IS NULL AND withdrawn_at IS NULL;
