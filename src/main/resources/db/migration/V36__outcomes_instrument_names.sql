-- The spells keep the assessment instrument by name, as supervision names it (up to 200 characters);
-- 40 cut "Riverside County risk and needs screening" short on the validation page.
ALTER TABLE outcomes_spell ALTER COLUMN instrument_code TYPE VARCHAR(200);
