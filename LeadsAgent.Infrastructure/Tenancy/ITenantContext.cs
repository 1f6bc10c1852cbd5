namespace LeadsAgent.Infrastructure.Tenancy;

/// <summary>
/// Whose data a unit of work may see. Null means unrestricted (platform admin, background workers, and
/// anonymous endpoints that name their business explicitly); an owner gets exactly their business.
/// </summary>
public interface ITenantContext
{
    Guid? BusinessId { get; }
}

/// <summary>The tenant of work that no signed-in owner started.</summary>
public sealed class SystemTenantContext : ITenantContext
{
    public Guid? BusinessId => null;
}
