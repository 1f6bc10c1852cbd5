-- Knowledge base management: a version per business that every knowledge change bumps (in the same transaction),
-- so each instance's cached vector matrix can tell it is stale; and the questions the agent could not answer.

ALTER TABLE businesses ADD COLUMN knowledge_version bigint NOT NULL DEFAULT 0;

CREATE TABLE knowledge_gaps (
    id                      uuid PRIMARY KEY,
    business_id             uuid NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
    normalized_question     varchar(500) NOT NULL,
    sample_question         varchar(2000) NOT NULL,
    ask_count               integer NOT NULL DEFAULT 1,
    first_asked_at          timestamptz NOT NULL,
    last_asked_at           timestamptz NOT NULL,
    last_session_id         varchar(100),
    status                  varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'DISMISSED')),
    answered_document_id    uuid REFERENCES knowledge_documents (id) ON DELETE SET NULL,
    answered_at             timestamptz
);
-- One open gap per question and business: asking again counts up instead of adding a row.
CREATE UNIQUE INDEX ux_knowledge_gaps_open ON knowledge_gaps (business_id, normalized_question) WHERE status = 'OPEN';
CREATE INDEX ix_knowledge_gaps_business ON knowledge_gaps (business_id, status, ask_count DESC);
