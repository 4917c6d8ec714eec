-- 0006: disposal of returned survey forms past their retention period (R5). What was written
-- on a disposed form (opinions, the respondent's name or contact) is erased; its answer
-- levels and the group its opinions were sorted into stay, so that past reports count the same.
ALTER TABLE survey_response ADD COLUMN disposed_at TEXT;
