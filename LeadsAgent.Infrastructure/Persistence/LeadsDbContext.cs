using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Read by the query filters on every query (EF parameterises context members).</summary>
    public Guid? TenantBusinessId => tenant.BusinessId;

    /// <summary>Set only by an explicit cross-business grant; without it and without a business, queries see no rows.</summary>
    public bool TenantAllBusinesses => tenant.AllBusinesses;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LeadsDbContext).Assembly);

        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.HasOne<Business>().WithMany().HasForeignKey(u => u.BusinessId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

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

        SnakeCaseNames.Apply(builder);
    }
}
