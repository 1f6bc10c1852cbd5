using LeadsAgent.Infrastructure.Configuration;
using Npgsql;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// The real services that `scripts/services` started, read once from the environment `./test` exports.
/// The variables are then removed from this process so that app instances only see what each test gives them.
/// </summary>
public static class TestEnvironment
{
    static readonly Lazy<Values> s_values = new(Load);

    public static string DatabaseUrl => s_values.Value.DatabaseUrl;
    public static string RedisUrl => s_values.Value.RedisUrl;
    public static string SmtpHost => s_values.Value.SmtpHost;
    public static int SmtpPort => s_values.Value.SmtpPort;
    public static string MailDirectory => s_values.Value.MailDirectory;
    public static string AdminConnectionString => DatabaseUrl == "" ? "" : new NpgsqlConnectionStringBuilder(
        LeadsAgent.Infrastructure.Configuration.DatabaseUrl.ToConnectionString(DatabaseUrl)) { Database = "postgres", Pooling = false }.ConnectionString;

    sealed record Values(string DatabaseUrl, string RedisUrl, string SmtpHost, int SmtpPort, string MailDirectory);

    static Values Load()
    {
        string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException($"{name} is not set. Run the tests through ./test, which starts PostgreSQL, Redis and the SMTP sink (scripts/services).");

        var values = new Values(Require("DATABASE_URL"), Require("REDIS_URL"), Require("SMTP_HOST"),
            int.Parse(Require("SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture), Require("SMTP_MAILDIR"));
        foreach (var name in DesignEnvironmentVariables.Map.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        return values;
    }
}
