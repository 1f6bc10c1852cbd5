using System.Net.Sockets;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeadsAgent.Tests.Unit;

public class DatabaseOutageClassificationTests
{
    static PostgresException Pg(string state) => new("message", "FATAL", "FATAL", state);

    [Fact]
    public void A_server_that_is_away_is_an_outage_and_a_wrong_request_is_not()
    {
        Assert.True(DatabaseOutage.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseOutage.Is(Pg("57P01"))); // admin shutdown
        Assert.True(DatabaseOutage.Is(Pg("57P03"))); // starting up
        Assert.True(DatabaseOutage.Is(Pg("53300"))); // too many connections
        Assert.True(DatabaseOutage.Is(new DbUpdateException("save failed", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()))));
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("wrapped", new TimeoutException())));

        Assert.False(DatabaseOutage.Is(Pg(PostgresErrorCodes.UniqueViolation)));
        Assert.False(DatabaseOutage.Is(new DbUpdateException("save failed", Pg(PostgresErrorCodes.ForeignKeyViolation))));
        Assert.False(DatabaseOutage.Is(Pg(PostgresErrorCodes.SyntaxError)));
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("a bug")));
        Assert.False(DatabaseOutage.Is(null));
    }
}

public class StorableTextTests
{
    [Theory]
    [InlineData("my basement is flooding", "my basement is flooding")]
    [InlineData("line one\nline two\ttabbed", "line one\nline two\ttabbed")]
    [InlineData("nul\0in the middle", "nulin the middle")]
    [InlineData("bell\u0007 and del\u007F", "bell and del")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays")]
    public void Text_people_send_is_made_storable_without_losing_what_they_said(string input, string expected)
    {
        Assert.Equal(expected, LeadsAgent.Domain.Text.StorableText.Clean(input));
        Assert.Equal(input != expected, LeadsAgent.Domain.Text.StorableText.HasUnstorable(input));
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        var input = "lone " + (char)0xD800 + " surrogate";
        Assert.True(LeadsAgent.Domain.Text.StorableText.HasUnstorable(input));
        Assert.Equal("lone \uFFFD surrogate", LeadsAgent.Domain.Text.StorableText.Clean(input));
    }
}
