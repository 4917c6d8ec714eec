-- Survey rounds whose forms were typed into a spreadsheet elsewhere, before the app was used:
-- no form was printed by the app, and each form keeps the office's own number as written
-- ("2026-0001"), unique in the round. Such a round is never printed; its forms' `serial`
-- is only their order of import.
ALTER TABLE survey_round ADD COLUMN typed_elsewhere INTEGER NOT NULL DEFAULT 0 CHECK (typed_elsewhere IN (0, 1));
ALTER TABLE survey_response ADD COLUMN serial_written TEXT;
CREATE UNIQUE INDEX survey_response_written ON survey_response (round_id, serial_written)
    WHERE deleted_at IS NULL AND serial_written IS NOT NULL;
