-- Conversations point at their lead; without an index every lead deleted (ON DELETE SET NULL) or looked up from its
-- conversation scans the whole conversations table. Found by the load harness, whose clean-up deletes its own leads.

CREATE INDEX ix_conversations_lead ON conversations (lead_id) WHERE lead_id IS NOT NULL;
