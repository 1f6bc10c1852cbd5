using StackExchange.Redis;

namespace LeadsAgent.Infrastructure.Configuration;

/// <summary>
/// Turns REDIS_URL into StackExchange.Redis options: redis://[:password@]host:port[/db], rediss:// for TLS, or the
/// library's own configuration string (host1:port,host2:port,serviceName=...,password=...) for Sentinel or a
/// cluster. REDIS_PASSWORD and REDIS_DB override what the value says.
/// </summary>
public static class RedisConfiguration
{
    public static ConfigurationOptions Parse(string value, string? password = null, int? database = null)
    {
        var options = value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(value)
            : FromConfigurationString(value);

        if (!string.IsNullOrEmpty(password))
        {
            options.Password = password;
        }

        if (database is not null)
        {
            options.DefaultDatabase = database;
        }

        if (options.DefaultDatabase is < 0 or > 15)
        {
            throw new FormatException("the database number must be between 0 and 15");
        }

        return options;
    }

    /// <summary>Where Redis is, for logs: endpoints and database, never the password.</summary>
    public static string Describe(ConfigurationOptions options) =>
        string.Join(",", options.EndPoints.Select(EndPointCollection.ToString)) + "/" + (options.DefaultDatabase ?? 0)
        + (options.Ssl ? " (TLS)" : "") + (options.ServiceName is { } service ? " sentinel service " + service : "");

    static ConfigurationOptions FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("it is not a redis://[:password@]host:port[/db] or rediss:// URL");
        }

        var options = new ConfigurationOptions();
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            options.User = parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null;
            options.Password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            options.DefaultDatabase = int.TryParse(path, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var db)
                ? db
                : throw new FormatException("the database part of the URL is not a number");
        }

        if (uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase))
        {
            options.Ssl = true;
            // Uri.Host keeps an IPv6 address's brackets; the certificate's name check wants the bare address.
            options.SslHost = uri.IdnHost.Trim('[', ']');
        }

        return options;
    }

    static ConfigurationOptions FromConfigurationString(string value)
    {
        if (value.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException("only redis:// and rediss:// URLs are understood");
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(value);
        }
        catch (ArgumentException)
        {
            // The library's message may quote the value, which can hold the password: say what is wrong in general.
            throw new FormatException("it is neither a redis:// URL nor a StackExchange.Redis configuration string (host:port,...,serviceName=...)");
        }

        return options.EndPoints.Count > 0 ? options : throw new FormatException("the configuration string names no host:port");
    }
}
