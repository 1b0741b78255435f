-- The SMS provider's delivery receipts find their reminder by the provider's message id (ADR 0022).
CREATE INDEX care_reminder_reference_idx ON care_reminder (reference) WHERE reference IS NOT NULL;
