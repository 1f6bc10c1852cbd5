using Microsoft.Extensions.Logging;

namespace LeadsAgent.Infrastructure.Tenancy;

/// <summary>
/// Whose rows a unit of work may see. It fails closed: with no business and no explicit cross-business grant,
/// every business-owned query returns nothing.
/// </summary>
public interface ITenantContext
{
    /// <summary>The one business whose rows are visible, or null.</summary>
    Guid? BusinessId { get; }

    /// <summary>True only after <see cref="TenantScope.AcrossBusinesses"/>: system work and platform pages.</summary>
    bool AllBusinesses { get; }
}

/// <summary>The signed-in user as tenancy sees them; the web host supplies it from the request's claims.</summary>
public interface ISignedInTenant
{
    /// <summary>The signed-in owner's business; null for anyone else (anonymous, platform admin, no request).</summary>
    Guid? OwnerBusinessId { get; }

    /// <summary>Whether an owner is signed in (an owner may never widen their scope).</summary>
    bool IsOwner { get; }

    /// <summary>Who is signed in, for the audit line of a cross-business read; null when nobody is.</summary>
    string? UserId { get; }
}

/// <summary>
/// The tenant of one DI scope (a request, a circuit, one background job). A signed-in owner gets exactly their
/// business. Anything else sees no rows until it says what it is: <see cref="ForBusiness"/> for work that names its
/// business (a chat message, a Twilio webhook), <see cref="AcrossBusinesses"/> for system work and platform pages,
/// which is logged with its purpose and the signed-in user as an audit record.
/// </summary>
public sealed partial class TenantScope(ILogger<TenantScope> logger, ISignedInTenant? signedIn = null) : ITenantContext
{
    Guid? _business;
    bool _all;

    public Guid? BusinessId => _all ? null : signedIn?.OwnerBusinessId ?? _business;

    public bool AllBusinesses => _all;

    /// <summary>Scopes this unit of work to one business that the request itself named (never wider than an owner's own).</summary>
    public TenantScope ForBusiness(Guid businessId)
    {
        if (signedIn is { IsOwner: true } owner && owner.OwnerBusinessId != businessId)
        {
            throw new UnauthorizedAccessException("An owner may only work on their own business.");
        }

        _business = businessId;
        return this;
    }

    /// <summary>Lets this unit of work read every business; refused to owners, logged with its purpose.</summary>
    public TenantScope AcrossBusinesses(string purpose)
    {
        if (signedIn is { IsOwner: true })
        {
            throw new UnauthorizedAccessException("An owner may not read across businesses.");
        }

        if (!_all)
        {
            _all = true;
            if (signedIn?.UserId is { } user)
            {
                LogPlatformRead(logger, user, purpose);
            }
            else
            {
                LogSystemRead(logger, purpose);
            }
        }

        return this;
    }

    [LoggerMessage(Level = LogLevel.Information, EventId = 4100, Message = "Audit: user {UserId} reads across businesses for {Purpose}")]
    private static partial void LogPlatformRead(ILogger logger, string userId, string purpose);

    [LoggerMessage(Level = LogLevel.Debug, EventId = 4101, Message = "System work reads across businesses for {Purpose}")]
    private static partial void LogSystemRead(ILogger logger, string purpose);
}
