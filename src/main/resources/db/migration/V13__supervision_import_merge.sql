-- Supervision: the reviewed merge of two records of the same person. The record that does not
-- survive is kept (for audit) and points at the survivor; who merged it, when and why is on it.
-- CSV imports need no table of their own: they are synchronous and audited (ADR 0012).

ALTER TABLE supervision_person
    ADD COLUMN merged_into_id UUID REFERENCES supervision_person (id),
    ADD COLUMN merged_at      TIMESTAMP WITH TIME ZONE,
    ADD COLUMN merged_by      VARCHAR(200),
    ADD COLUMN merge_reason   VARCHAR(1000),
    ADD CONSTRAINT supervision_person_merge_check CHECK (
        (merged_into_id IS NULL AND merged_at IS NULL AND merged_by IS NULL AND merge_reason IS NULL)
        OR (merged_into_id IS NOT NULL AND merged_at IS NOT NULL AND merged_by IS NOT NULL
            AND merge_reason IS NOT NULL AND merged_into_id <> id));

CREATE INDEX supervision_person_merged_into_idx ON supervision_person (merged_into_id)
    WHERE merged_into_id IS NOT NULL;

COMMENT ON COLUMN supervision_person.merged_into_id IS 'Set when this record was merged into another record of the same person (the survivor, of the same agency): this record is kept for audit and changes no more; its cases, identifiers, aliases and addresses moved to the survivor.';
COMMENT ON COLUMN supervision_person.merged_at IS 'When the record was merged into merged_into_id.';
COMMENT ON COLUMN supervision_person.merged_by IS 'Actor reference (user or API token) of who merged the record.';
COMMENT ON COLUMN supervision_person.merge_reason IS 'Why the reviewer decided the two records are the same person; required for every merge.';
