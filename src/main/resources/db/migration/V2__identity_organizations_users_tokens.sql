-- Identity: the organizations of the network, their staff users, second factors, sign-in
-- failures (for lockout), invitations and API tokens.

CREATE TABLE identity_organization (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    kind       VARCHAR(40)              NOT NULL,
    active     BOOLEAN                  NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT identity_organization_kind_check CHECK (kind IN ('PROBATION_AGENCY', 'COURT',
        'LAW_ENFORCEMENT', 'SOCIAL_SERVICES', 'TREATMENT_PROVIDER', 'COMMUNITY_ORGANIZATION', 'FUNDER'))
);
CREATE UNIQUE INDEX identity_organization_name_uq ON identity_organization (lower(name));

CREATE TABLE identity_user (
    id                    UUID PRIMARY KEY,
    organization_id       UUID                     NOT NULL REFERENCES identity_organization (id),
    email                 VARCHAR(254)             NOT NULL,
    display_name          VARCHAR(200)             NOT NULL,
    password_hash         VARCHAR(200),
    status                VARCHAR(20)              NOT NULL,
    totp_secret           VARCHAR(64),
    totp_confirmed        BOOLEAN                  NOT NULL DEFAULT FALSE,
    last_totp_step        BIGINT,
    locked_at             TIMESTAMP WITH TIME ZONE,
    disabled_reason       VARCHAR(40),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at       TIMESTAMP WITH TIME ZONE,
    password_changed_at   TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL,
    CONSTRAINT identity_user_status_check CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED'))
);
CREATE UNIQUE INDEX identity_user_email_uq ON identity_user (lower(email));
CREATE INDEX identity_user_organization_idx ON identity_user (organization_id);

CREATE TABLE identity_user_role (
    identity_user UUID        NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    role          VARCHAR(40) NOT NULL,
    PRIMARY KEY (identity_user, role)
);

-- Recent failed sign-ins of an account; five within fifteen minutes lock it.
CREATE TABLE identity_sign_in_failure (
    identity_user UUID                     NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    position      INT                      NOT NULL,
    failed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (identity_user, position)
);

-- One-time recovery codes, stored only as hashes.
CREATE TABLE identity_recovery_code (
    identity_user UUID         NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    code_hash     VARCHAR(200) NOT NULL
);
CREATE INDEX identity_recovery_code_user_idx ON identity_recovery_code (identity_user);

-- Invitations: the link an administrator sends so that a new user sets their own password.
CREATE TABLE identity_invitation (
    token_hash  VARCHAR(64) PRIMARY KEY,
    user_id     UUID                     NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    created_by  UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX identity_invitation_user_idx ON identity_invitation (user_id);

CREATE TABLE identity_api_token (
    id              UUID PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES identity_organization (id),
    name            VARCHAR(120)             NOT NULL,
    roles           VARCHAR(400)             NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    created_by      UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      UUID,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX identity_api_token_hash_uq ON identity_api_token (token_hash);
CREATE INDEX identity_api_token_organization_idx ON identity_api_token (organization_id);

COMMENT ON TABLE identity_organization IS 'A member organization of the supervision network.';
COMMENT ON COLUMN identity_organization.kind IS 'Probation agency, court, law enforcement, social services, treatment provider, community organization or funder.';
COMMENT ON TABLE identity_user IS 'A staff user. Belongs to one organization.';
COMMENT ON COLUMN identity_user.password_hash IS 'bcrypt hash (cost 12) with its own salt; null until an invited user sets a password.';
COMMENT ON COLUMN identity_user.totp_secret IS 'Base32 TOTP secret (RFC 6238); enrolment is complete when totp_confirmed.';
COMMENT ON COLUMN identity_user.last_totp_step IS 'The last accepted TOTP time step, so a code cannot be replayed.';
COMMENT ON COLUMN identity_user.locked_at IS 'Set after 5 failed sign-ins within 15 minutes; cleared only by an administrator.';
COMMENT ON COLUMN identity_user.disabled_reason IS 'Why the account is disabled: by an administrator, or dormant for 90 days.';
COMMENT ON TABLE identity_user_role IS 'The roles a user holds.';
COMMENT ON TABLE identity_sign_in_failure IS 'Failed sign-in attempts within the lockout window.';
COMMENT ON TABLE identity_recovery_code IS 'Unused second-factor recovery codes, hashed.';
COMMENT ON TABLE identity_invitation IS 'An invitation to set a password; the token is stored as a SHA-256 hash.';
COMMENT ON TABLE identity_api_token IS 'A bearer token for /api/v1, scoped to an organization and roles; stored as a SHA-256 hash.';
