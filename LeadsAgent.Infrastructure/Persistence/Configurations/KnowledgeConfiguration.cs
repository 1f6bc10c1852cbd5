using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class KnowledgeDocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> b)
    {
        b.ToTable("knowledge_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Content).IsRequired();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.SourceUrl).HasMaxLength(2000);
        b.HasIndex(x => x.BusinessId).HasDatabaseName("ix_knowledge_documents_business_id");
    }
}

sealed class KnowledgeChunkConfiguration : IEntityTypeConfiguration<KnowledgeChunk>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunk> b)
    {
        // The generated search_vector column and its GIN index are read by SQL only, so they are not mapped: the
        // baseline migration creates them with migrationBuilder.Sql.
        b.ToTable("knowledge_chunks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.HeadingPath).HasMaxLength(1000);
        b.Property(x => x.Content).IsRequired();
        // Domain keeps a plain float[] (no package references); the column is pgvector's vector(512).
        b.Property(x => x.Embedding)
            .HasConversion(v => new Pgvector.Vector(v!), v => v.ToArray())
            .HasColumnType($"vector({Knowledge.KnowledgeVectors.Dimensions})");
        b.Property(x => x.EmbeddingModel).HasMaxLength(100);
        b.HasIndex(x => x.BusinessId).HasDatabaseName("ix_knowledge_chunks_business_id");
        b.HasIndex(x => x.DocumentId).HasDatabaseName("ix_knowledge_chunks_document_id");
    }
}

sealed class KnowledgeGapConfiguration : IEntityTypeConfiguration<KnowledgeGap>
{
    public void Configure(EntityTypeBuilder<KnowledgeGap> b)
    {
        b.ToTable("knowledge_gaps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(x => x.AnsweredDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.NormalizedQuestion).HasMaxLength(500).IsRequired();
        b.Property(x => x.SampleQuestion).HasMaxLength(2000).IsRequired();
        b.Property(x => x.LastSessionId).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        // One open gap per question and business: asking again counts up instead of adding a row.
        b.HasIndex(x => new { x.BusinessId, x.NormalizedQuestion }).IsUnique().HasFilter("status = 'OPEN'").HasDatabaseName("ux_knowledge_gaps_open");
        b.HasIndex(x => new { x.BusinessId, x.Status, x.AskCount }).IsDescending(false, false, true).HasDatabaseName("ix_knowledge_gaps_business");
    }
}
