using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "knowledge_version",
                table: "businesses");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:vector", ",,");

            // Stored real[] vectors of 512 dimensions become vector(512); any other size is cleared, and the re-embedding
            // worker fills it in again (EF's plain ALTER COLUMN TYPE has no USING, which PostgreSQL needs here).
            migrationBuilder.Sql("""
                ALTER TABLE knowledge_chunks
                    ALTER COLUMN embedding TYPE vector(512)
                    USING CASE WHEN array_length(embedding, 1) = 512 THEN embedding::vector(512) END;
                UPDATE knowledge_chunks SET embedding_model = NULL WHERE embedding IS NULL;
                """);

            // A 512-dimension vector is 2 KB, just over the size at which PostgreSQL moves a value out of its row
            // (TOAST): every distance would then first fetch it from the TOAST table. Kept in the row, a business's scan
            // reads its own pages only (measured: 1,000 passages, vector half p50 6.5 ms toasted, 2.6 ms in the row).
            migrationBuilder.Sql("ALTER TABLE knowledge_chunks ALTER COLUMN embedding SET STORAGE PLAIN;");

            // Full-text search is always for one business: a GIN index over (business_id, search_vector) finds that
            // business's matching passages directly, where the plain GIN index matched every tenant's passages for the
            // common words first and then threw the others away (btree_gin ships with PostgreSQL's contrib modules).
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS btree_gin;
                CREATE INDEX ix_knowledge_chunks_business_search ON knowledge_chunks USING gin (business_id, search_vector);
                DROP INDEX ix_knowledge_chunks_search;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_knowledge_chunks_search ON knowledge_chunks USING gin (search_vector);
                DROP INDEX ix_knowledge_chunks_business_search;
                """);

            migrationBuilder.Sql("""
                ALTER TABLE knowledge_chunks ALTER COLUMN embedding SET STORAGE EXTENDED;
                ALTER TABLE knowledge_chunks ALTER COLUMN embedding TYPE real[] USING embedding::real[];
                """);

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:vector", ",,");

            migrationBuilder.AddColumn<long>(
                name: "knowledge_version",
                table: "businesses",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
