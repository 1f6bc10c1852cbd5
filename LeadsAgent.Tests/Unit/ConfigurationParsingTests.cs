using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Configuration;
using Npgsql;
using StackExchange.Redis;

namespace LeadsAgent.Tests.Unit;

public class ConfigurationParsingTests
{
    [Fact]
    public void DatabaseUrl_PrismaStyleUrl_BecomesNpgsqlConnectionString()
    {
        var cs = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(
            "postgresql://db_user:p%40ss%3Aword@db.example:5433/app_db?schema=public&sslmode=require"));
        Assert.Equal("db.example", cs.Host);
        Assert.Equal(5433, cs.Port);
        Assert.Equal("db_user", cs.Username);
        Assert.Equal("p@ss:word", cs.Password);
        Assert.Equal("app_db", cs.Database);
        Assert.Equal("public", cs.SearchPath);
        Assert.Equal(SslMode.Require, cs.SslMode);
    }

    [Fact]
    public void DatabaseUrl_DefaultPort_And_PlainConnectionString_Work()
    {
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgres://u:p@h/d")).Port);
        Assert.Equal("h2", new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("Host=h2;Database=d;Username=u")).Host);
    }

    [Theory]
    [InlineData("")]
    [InlineData("postgresql://u:p@host:5432")]
    [InlineData("mysql://u:p@host/db")]
    public void DatabaseUrl_Invalid_IsAFormatError(string url) =>
        Assert.Throws<FormatException>(() => DatabaseUrl.ToConnectionString(url));

    [Fact]
    public void RedisConfiguration_ParsesPasswordAndDatabase_WithOverrides()
    {
        var url = RedisConfiguration.Parse("redis://:s%3Acret@127.0.0.1:6380/2");
        Assert.Equal(("127.0.0.1:6380", "s:cret", 2, false), (EndPointCollection.ToString(Assert.Single(url.EndPoints)), url.Password, url.DefaultDatabase, url.Ssl));
        var overridden = RedisConfiguration.Parse("redis://localhost", "other", 5);
        Assert.Equal(("localhost:6379", "other", 5), (EndPointCollection.ToString(Assert.Single(overridden.EndPoints)), overridden.Password, overridden.DefaultDatabase));
        Assert.Throws<FormatException>(() => RedisConfiguration.Parse("http://localhost:6379"));
        Assert.Throws<FormatException>(() => RedisConfiguration.Parse("redis://localhost/x"));
        Assert.Throws<FormatException>(() => RedisConfiguration.Parse("redis://localhost/16"));
    }

    [Fact]
    public void RedisConfiguration_Rediss_TurnsOnTlsForTheUrlHost()
    {
        var tls = RedisConfiguration.Parse("rediss://app:pw@cache.example.com:6380/1");
        Assert.Equal((true, "cache.example.com", "app", "pw", 1), (tls.Ssl, tls.SslHost, tls.User, tls.Password, tls.DefaultDatabase));
    }

    [Fact]
    public void RedisConfiguration_SentinelString_IsTheLibrarysOwnFormat()
    {
        var sentinel = RedisConfiguration.Parse("10.0.0.1:26379,10.0.0.2:26379,serviceName=mymaster,password=pw", database: 3);
        Assert.Equal((2, "mymaster", "pw", 3), (sentinel.EndPoints.Count, sentinel.ServiceName, sentinel.Password, sentinel.DefaultDatabase));
        var error = Assert.Throws<FormatException>(() => RedisConfiguration.Parse("10.0.0.1:26379,password=hunter2,nonsense=1"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(555) 123-4567", "+15551234567")]
    [InlineData("555.123.4567", "+15551234567")]
    [InlineData("1-555-123-4567", "+15551234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("12345", null)]
    [InlineData("call me maybe", null)]
    public void PhoneNumbers_Normalize_ToE164(string input, string? expected) =>
        Assert.Equal(expected, LeadsAgent.Domain.Common.PhoneNumbers.Normalize(input));

    [Fact]
    public void Pii_MasksPhonesAndEmails()
    {
        Assert.Equal("********4567", Pii.MaskPhone("+15551234567"));
        Assert.Equal("j***@example.com", Pii.MaskEmail("jane@example.com"));
    }
}
