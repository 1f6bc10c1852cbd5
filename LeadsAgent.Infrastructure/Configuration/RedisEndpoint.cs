namespace LeadsAgent.Infrastructure.Configuration;

/// <summary>Where Redis is: parsed from redis://[:password@]host:port[/db], with REDIS_PASSWORD and REDIS_DB overriding.</summary>
public sealed record RedisEndpoint(string Host, int Port, string? User, string? Password, int Database)
{
    public static RedisEndpoint Parse(string url, string? password = null, int? database = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("it is not a redis://[:password@]host:port[/db] URL");
        }

        string? user = null;
        string? urlPassword = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null;
            urlPassword = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }

        var db = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && !int.TryParse(path, out db))
        {
            throw new FormatException($"the database part '/{path}' is not a number");
        }

        var finalDb = database ?? db;
        if (finalDb is < 0 or > 15)
        {
            throw new FormatException("the database number must be between 0 and 15");
        }

        return new RedisEndpoint(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port, user,
            string.IsNullOrEmpty(password) ? urlPassword : password, finalDb);
    }

    public override string ToString() => $"{Host}:{Port}/{Database}";
}
