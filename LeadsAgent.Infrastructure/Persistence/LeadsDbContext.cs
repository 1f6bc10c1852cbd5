using LeadsAgent.Domain.Blocking;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Domain.Texts;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>The unit of work over PostgreSQL. Business-owned sets are filtered to the current tenant.</summary>
public sealed class LeadsDbContext(DbContextOptions<LeadsDbContext> options, ITenantContext tenant)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<AgentConfig> AgentConfigs => Set<AgentConfig>();
    public DbSet<LeadCaptureQuestion> Questions => Set<LeadCaptureQuestion>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<KnowledgeDocument> KnowledgeDocuments => Set<KnowledgeDocument>();
    public DbSet<KnowledgeChunk> KnowledgeChunks => Set<KnowledgeChunk>();
    public DbSet<KnowledgeGap> KnowledgeGaps => Set<KnowledgeGap>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PlanChange> PlanChanges => Set<PlanChange>();
    public DbSet<AdminAction> AdminActions => Set<AdminAction>();
    public DbSet<BlockedNumber> BlockedNumbers => Set<BlockedNumber>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();
    public DbSet<TextSettings> TextSettings => Set<TextSettings>();
    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();
    public DbSet<BookableService> BookableServices => Set<BookableService>();
    public DbSet<BookingRules> BookingRules => Set<BookingRules>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<CalendarConnection> CalendarConnections => Set<CalendarConnection>();

    /// <summary>Read by the query filters on every query (EF parameterises context members).</summary>
    public Guid? TenantBusinessId => tenant.BusinessId;

    /// <summary>Set only by an explicit cross-business grant; without it and without a business, queries see no rows.</summary>
    public bool TenantAllBusinesses => tenant.AllBusinesses;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // The schema indexes the foreign keys its queries use (several inside a composite index), not every one; the
        // configurations name those indexes, so the model, and the migrations generated from it, match the database.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Knowledge passages' embeddings are pgvector columns (KnowledgeVectors).
        builder.HasPostgresExtension("vector");
        builder.ApplyConfigurationsFromAssembly(typeof(LeadsDbContext).Assembly);

        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.HasOne<Business>().WithMany().HasForeignKey(u => u.BusinessId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ix_users_normalized_user_name");
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
            b.HasIndex(u => u.BusinessId).HasDatabaseName("ix_users_business_id");
        });
        builder.Entity<AppRole>(b =>
        {
            b.ToTable("roles");
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("ix_roles_normalized_name");
        });
        builder.Entity<IdentityUserRole<Guid>>(b => b.ToTable("user_roles").HasIndex(r => r.RoleId).HasDatabaseName("ix_user_roles_role_id"));
        builder.Entity<IdentityUserClaim<Guid>>(b => b.ToTable("user_claims").HasIndex(c => c.UserId).HasDatabaseName("ix_user_claims_user_id"));
        builder.Entity<IdentityUserLogin<Guid>>(b => b.ToTable("user_logins").HasIndex(l => l.UserId).HasDatabaseName("ix_user_logins_user_id"));
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>(b => b.ToTable("role_claims").HasIndex(c => c.RoleId).HasDatabaseName("ix_role_claims_role_id"));

        // One tenancy mechanism for every business-owned table, failing closed: an owner never sees another business's
        // rows, and work that named no business (and was not granted all of them) sees none.
        builder.Entity<Business>().HasQueryFilter(e => TenantAllBusinesses || e.Id == TenantBusinessId);
        builder.Entity<AgentConfig>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<LeadCaptureQuestion>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<Lead>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<Conversation>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<KnowledgeDocument>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<KnowledgeChunk>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<KnowledgeGap>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<Notification>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<PlanChange>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<AdminAction>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        // The platform's block list (no business) applies to every business, so every tenant reads it; writes to it
        // are the platform admin's (the use cases check the row's business).
        builder.Entity<BlockedNumber>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId || e.BusinessId == null);
        builder.Entity<WebhookEndpoint>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<WebhookDelivery>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<DigestRun>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<TextSettings>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<SmsOptOut>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<BookableService>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<BookingRules>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<Booking>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);
        builder.Entity<CalendarConnection>().HasQueryFilter(e => TenantAllBusinesses || e.BusinessId == TenantBusinessId);

        SnakeCaseNames.Apply(builder);
    }
}
