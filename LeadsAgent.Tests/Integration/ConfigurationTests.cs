using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Tests.Integration;

public class ConfigurationTests
{
    [Fact]
    public void The_design_documents_variable_names_reach_their_settings()
    {
        var env = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "postgresql://u:p@h:5433/d?schema=public",
            ["REDIS_TTL"] = "900",
            ["TWILIO_AUTH_TOKEN"] = "secret",
            ["SMTP_PORT"] = "2525",
            ["ENABLE_PLAN_TIERS"] = "false",
            ["OPENAI_API_KEY"] = "",
        };
        var config = new ConfigurationBuilder().AddDesignEnvironmentVariables(env).Build();

        Assert.Equal("postgresql://u:p@h:5433/d?schema=public", config["Database:Url"]);
        Assert.Equal("900", config["Redis:TtlSeconds"]);
        Assert.Equal("secret", config["Twilio:AuthToken"]);
        Assert.Equal("2525", config["Smtp:Port"]);
        Assert.False(config.GetSection("Features").Get<FeatureOptions>()!.EnablePlanTiers);
        Assert.Null(config["OpenAI:ApiKey"]);
        Assert.Equal("DATABASE_URL (Database:Url)", DesignEnvironmentVariables.Describe("Database:Url"));
    }

    [Theory]
    [InlineData("Database:Url", "mysql://u:p@h/d", "DATABASE_URL")]
    [InlineData("Redis:Url", "http://localhost:6379", "REDIS_URL")]
    [InlineData("Redis:Url", "10.0.0.1:26379,password=u:p@,nonsense=1", "REDIS_URL")]
    [InlineData("Redis:Url", "rediss://:u:p@@cache.example.com:6380/99", "REDIS_URL")]
    [InlineData("Redis:TlsCaFile", "/nonexistent/u:p@/ca.pem", "Redis:TlsCaFile")]
    [InlineData("Smtp:Port", "99999", "SMTP_PORT")]
    [InlineData("Twilio:AccountSid", "XX123", "TWILIO_ACCOUNT_SID")]
    [InlineData("Admin:Password", "", "ADMIN_PASSWORD")]
    [InlineData("Chat:SecondsPerMessage", "0.001", "Chat:SecondsPerMessage")]
    [InlineData("Chat:BurstPerClient", "0", "Chat:BurstPerClient")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks")]
    [InlineData("Webhooks:TimeoutSeconds", "0", "Webhooks:TimeoutSeconds")]
    [InlineData("Webhooks:DisableAfterFailures", "0", "Webhooks:DisableAfterFailures")]
    [InlineData("Calendar:TimeoutSeconds", "0", "Calendar:TimeoutSeconds")]
    [InlineData("Calendar:MaxResponseBytes", "10", "Calendar:MaxResponseBytes")]
    public async Task A_malformed_setting_stops_the_app_with_a_message_naming_it(string key, string value, string variable)
    {
        await using var db = await TestDatabase.CreateAsync();
        var overrides = new Dictionary<string, string?> { [key] = value };
        if (key == "Admin:Password")
        {
            overrides["Admin:Email"] = "someone@example.com";
        }

        await using var app = new AppFactory(db, overrides);
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var validation = Unwrap<OptionsValidationException>(ex);
        Assert.NotNull(validation);
        Assert.Contains(variable, validation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("u:p@", validation.Message, StringComparison.Ordinal);
    }

    static T? Unwrap<T>(Exception? ex) where T : Exception
    {
        while (ex is not null)
        {
            if (ex is T match)
            {
                return match;
            }

            ex = ex is AggregateException agg ? agg.InnerExceptions.FirstOrDefault() : ex.InnerException;
        }

        return null;
    }
}
