-- Matching: the scoring weights an agency sets (ADR 0016). An agency without a row uses the
-- defaults of MatchingWeights.DEFAULTS.
CREATE TABLE matching_weights (
    organization_id  UUID                     PRIMARY KEY REFERENCES identity_organization (id),
    need_fit         SMALLINT                 NOT NULL,
    distance         SMALLINT                 NOT NULL,
    capacity         SMALLINT                 NOT NULL,
    language_access  SMALLINT                 NOT NULL,
    cost             SMALLINT                 NOT NULL,
    completion       SMALLINT                 NOT NULL,
    version          BIGINT                   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    CONSTRAINT matching_weights_range CHECK (
        need_fit BETWEEN 0 AND 10 AND distance BETWEEN 0 AND 10 AND capacity BETWEEN 0 AND 10
        AND language_access BETWEEN 0 AND 10 AND cost BETWEEN 0 AND 10
        AND completion BETWEEN 0 AND 10),
    CONSTRAINT matching_weights_not_all_zero CHECK (
        need_fit + distance + capacity + language_access + cost + completion > 0)
);

COMMENT ON TABLE matching_weights IS
    'How much each factor counts in an agency''s service recommendations, 0 to 10 each; a score is the weighted mean of the factor values, so only ratios matter (ADR 0016). No row: the defaults.';
COMMENT ON COLUMN matching_weights.need_fit IS 'Weight of need fit: the person''s highest needs first, severity-weighted.';
COMMENT ON COLUMN matching_weights.distance IS 'Weight of distance and travel burden (stronger with a transportation barrier).';
COMMENT ON COLUMN matching_weights.capacity IS 'Weight of open slots and waitlist; stale capacity counts as unknown.';
COMMENT ON COLUMN matching_weights.language_access IS 'Weight of the person''s language and accessibility needs.';
COMMENT ON COLUMN matching_weights.cost IS 'Weight of cost: free, sliding scale, insurance, fixed.';
COMMENT ON COLUMN matching_weights.completion IS 'Weight of the program''s completion rate; neutral until outcomes are recorded.';
COMMENT ON COLUMN matching_weights.version IS 'Optimistic lock: a change based on an older version is refused (409). The defaults are version 0.';
COMMENT ON COLUMN matching_weights.updated_by IS 'The user who last changed the weights; null for an API client.';
