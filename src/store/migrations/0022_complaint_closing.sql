-- 0022: the complaints that matter to a report's periods are those received in them, and those
-- received before and still open on their first day or closed on or after it. The figures
-- read the first through feedback_complaint_facts (by day of receipt) and the others through
-- this index, by day of closing (an open case's closed_at is null, and nulls sort first),
-- instead of reading every complaint of ten years for the second condition (store/report.rs).
CREATE INDEX feedback_complaint_closing ON feedback (closed_at, received_at, reply_due, exception_due, id)
    WHERE deleted_at IS NULL AND withdrawn_at IS NULL AND kind IN ('complaint', 'grievance', 'appeal');
