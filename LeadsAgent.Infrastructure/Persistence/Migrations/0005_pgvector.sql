-- Knowledge vectors move into PostgreSQL (pgvector): retrieval ranks them in SQL, so no instance caches them and
-- knowledge_version (which told those caches they were stale) goes. Stored real[] vectors of 512 dimensions are kept;
-- any other size is cleared and the re-embedding worker fills it in again.
CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE knowledge_chunks
    ALTER COLUMN embedding TYPE vector(512)
    USING CASE WHEN array_length(embedding, 1) = 512 THEN embedding::vector(512) END;
UPDATE knowledge_chunks SET embedding_model = NULL WHERE embedding IS NULL;
-- A 512-dimension vector is 2 KB, just over the size at which PostgreSQL moves a value out of the row (TOAST): every
-- distance would then first fetch and copy it from the TOAST table. Kept in the row, a business's scan reads its pages only.
ALTER TABLE knowledge_chunks ALTER COLUMN embedding SET STORAGE PLAIN;
ALTER TABLE businesses DROP COLUMN knowledge_version;
