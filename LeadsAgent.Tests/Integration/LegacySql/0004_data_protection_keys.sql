-- The keys that protect sign-in cookies, bearer tokens and antiforgery tokens, shared by every instance: without them
-- in one place, an owner signed in on one instance is signed out by the next request another instance answers, and a
-- container's restart signs everyone out.

CREATE TABLE data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
