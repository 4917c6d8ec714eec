-- What a round's printed forms look like is fixed by its first print: the document control
-- printed in the form's corner (the office's settings for its survey form at that moment, as
-- JSON; NULL when the template's own code and issue are printed, as for every round printed
-- before this step and for templates the office designed itself) and where every answer box
-- lies (SurveyLayout as JSON). Later prints of the round and the reading of its scans use these,
-- whatever the settings say by then: a changed control box or office name would move the boxes
-- of forms already in citizens' hands. Rounds printed before keep their layout in
-- survey_layout, by template and office name, as before.
ALTER TABLE survey_round ADD COLUMN control TEXT CHECK (control IS NULL OR json_valid(control));
ALTER TABLE survey_round ADD COLUMN layout TEXT CHECK (layout IS NULL OR json_valid(layout));
