using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// The real app in process (WebApplicationFactory) on its own database, with real Redis and SMTP.
/// Settings use the configuration keys; the design variable names are covered by the configuration tests.
/// </summary>
public class AppFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.leadsagent.test";
    public const string AdminPassword = "Admin-password-2026";

    public TestDatabase Database { get; } = database;

    public Dictionary<string, string?> Settings { get; } = BuildSettings(database, overrides);

    /// <summary>Replaces app services after the app registered its own (set it before the first request).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    static Dictionary<string, string?> BuildSettings(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Url"] = database.Url,
            ["Redis:Url"] = TestEnvironment.RedisUrl,
            // Test databases share one Redis; each sees only its own sessions and events, as separate deployments would.
            ["Redis:KeyPrefix"] = database.Name + ":",
            ["Smtp:Host"] = TestEnvironment.SmtpHost,
            ["Smtp:Port"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
