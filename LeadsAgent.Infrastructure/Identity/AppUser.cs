using Microsoft.AspNetCore.Identity;

namespace LeadsAgent.Infrastructure.Identity;

/// <summary>A person who signs in: the owner of one business, or a platform admin (no business).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? BusinessId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
}

/// <summary>The two roles; their rows are created by the first migration with these ids.</summary>
public static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string Owner = "Owner";
}

/// <summary>Claim types this app adds to the signed-in user.</summary>
public static class AppClaims
{
    public const string BusinessId = "business_id";
}
