using System.Diagnostics;
using System.Threading.RateLimiting;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Auth;

/// <summary>Sign-in limits and how often a signed-in session is checked against the account's security stamp.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Failed sign-ins one client address may make in a row before it must wait.</summary>
    public int FailedSignInBurstPerClient { get; set; } = 10;

    /// <summary>After the burst, one more failed attempt per this many seconds.</summary>
    public double SecondsPerFailedSignIn { get; set; } = 30;

    /// <summary>How often a cookie or bearer token is checked against the account (a password change or "sign out everywhere" ends it).</summary>
    public double SecurityStampValidationSeconds { get; set; } = 60;

    /// <summary>A failed sign-in is answered no sooner than this, whether or not the email has an account.</summary>
    public int FailedSignInFloorMs { get; set; } = 600;
}

public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.FailedSignInBurstPerClient is < 1 or > 10_000_000)
        {
            failures.Add("Auth:FailedSignInBurstPerClient must be between 1 and 10000000.");
        }

        if (!(options.SecondsPerFailedSignIn is >= 0.1 and <= 3600))
        {
            failures.Add("Auth:SecondsPerFailedSignIn must be between 0.1 and 3600 seconds.");
        }

        if (!(options.SecurityStampValidationSeconds is >= 0 and <= 3600))
        {
            failures.Add("Auth:SecurityStampValidationSeconds must be between 0 and 3600 seconds.");
        }

        if (options.FailedSignInFloorMs is < 0 or > 10_000)
        {
            failures.Add("Auth:FailedSignInFloorMs must be between 0 and 10000 ms.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
    Throttled,
}

public sealed record SignInOutcome(SignInStatus Status, AppUser? User = null, TimeSpan? RetryAfter = null);

/// <summary>
/// The one password check behind the sign-in page and POST /api/auth/login: failed attempts are limited per client
/// address (password spraying across many accounts) as well as per account (Identity's lock-out after 5), and an
/// unknown email costs the same password-hash work as a known one, so the answer's timing does not reveal which
/// emails have accounts.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, IOptions<AuthOptions> options)
{
    static readonly AppUser s_nobody = new() { UserName = "nobody", Email = "nobody@invalid" };
    static string? s_nobodyHash;

    public async Task<SignInOutcome> CheckAsync(string email, string password, string clientKey)
    {
        if (throttle.Exhausted(clientKey) is { } wait)
        {
            return new SignInOutcome(SignInStatus.Throttled, RetryAfter: wait);
        }

        var started = Stopwatch.GetTimestamp();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            s_nobodyHash ??= users.PasswordHasher.HashPassword(s_nobody, "no account has this password");
            users.PasswordHasher.VerifyHashedPassword(s_nobody, s_nobodyHash, password);
            return await FailedAsync(SignInStatus.Failed);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return new SignInOutcome(SignInStatus.Succeeded, user);
        }

        return await FailedAsync(result.IsLockedOut ? SignInStatus.LockedOut : SignInStatus.Failed);

        // A known account's failure also writes its failed-attempt count; a floor under every failure's answer hides
        // that difference too (and slows guessing), while a right password is never delayed.
        async Task<SignInOutcome> FailedAsync(SignInStatus status)
        {
            throttle.Failed(clientKey);
            var left = TimeSpan.FromMilliseconds(options.Value.FailedSignInFloorMs) - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left);
            }

            return new SignInOutcome(status);
        }
    }

    /// <summary>The client key of a request: its address (the real visitor's when a configured proxy forwarded it).</summary>
    public static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>A token bucket of failed sign-ins per client address; only failures spend it.</summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.FailedSignInBurstPerClient,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(options.Value.SecondsPerFailedSignIn),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null while the client may try; otherwise how long until it may.</summary>
    public TimeSpan? Exhausted(string client)
    {
        // Whole permits left, without spending one (a zero-permit acquire would count a refilled fraction as "left").
        return _failures.GetStatistics(client) is { CurrentAvailablePermits: < 1 }
            ? TimeSpan.FromSeconds(Math.Ceiling(options.Value.SecondsPerFailedSignIn))
            : null;
    }

    public void Failed(string client)
    {
        using var _ = _failures.AttemptAcquire(client);
    }

    public void Dispose() => _failures.Dispose();
}
