using System.Web;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>The SDK-based Calls client against a fake Twilio on loopback: where it posts, what it sends, how it fails.</summary>
public class TwilioCallsClientTests
{
    const string Sid = "ACtest00000000000000000000000000";

    static async Task<(FakeHttpServer Server, TwilioCallsClient Client, ServiceProvider Services)> StartAsync(int status, object body, string basePath = "")
    {
        var server = await FakeHttpServer.StartAsync(async (_, ctx) =>
        {
            ctx.Response.StatusCode = status;
            await ctx.Response.WriteAsJsonAsync(body);
        });
        var services = new ServiceCollection()
            .Configure<TwilioOptions>(o => (o.AccountSid, o.AuthToken, o.ApiBaseUrl) = (Sid, "token", server.BaseUrl.TrimEnd('/') + basePath))
            .AddTwilioCalls()
            .BuildServiceProvider();
        return (server, services.GetRequiredService<TwilioCallsClient>(), services);
    }

    [Fact]
    public async Task A_call_is_posted_to_the_configured_base_with_the_twiml_and_status_events()
    {
        var (server, client, services) = await StartAsync(201, new { sid = "CA123", status = "queued" }, "/twilio");
        await using var _ = server;
        await using var __ = services;

        var call = await client.CreateCallAsync("+15550001111", "+15550002222", "<Response><Hangup></Hangup></Response>", "https://x.example/status?n=1",
            TestContext.Current.CancellationToken);

        Assert.Equal(("CA123", "queued"), (call.Sid, call.Status));
        var request = Assert.Single(server.Requests);
        Assert.Equal($"/twilio/2010-04-01/Accounts/{Sid}/Calls.json", request.PathAndQuery);
        Assert.StartsWith("Basic ", request.Headers["Authorization"], StringComparison.Ordinal);
        var form = HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("+15550001111", form["To"]);
        Assert.Equal("+15550002222", form["From"]);
        Assert.Equal("<Response><Hangup></Hangup></Response>", form["Twiml"]);
        Assert.Equal("https://x.example/status?n=1", form["StatusCallback"]);
        Assert.Equal(["initiated", "ringing", "answered", "completed"], form.GetValues("StatusCallbackEvent")!);
        Assert.Equal("30", form["Timeout"]);
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    public async Task Twilio_errors_keep_their_status_and_only_transient_ones_are_retried(int status, bool retryable)
    {
        var (server, client, services) = await StartAsync(status, new { code = 21211, message = "Invalid 'To' Phone Number", status });
        await using var _ = server;
        await using var __ = services;

        var ex = await Assert.ThrowsAsync<TwilioApiException>(() =>
            client.CreateCallAsync("+15550001111", "+15550002222", "<Response/>", null, TestContext.Current.CancellationToken));

        Assert.Equal(status, ex.Status);
        Assert.Equal(retryable, ex.Retryable);
        Assert.Contains($"HTTP {status}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid 'To' Phone Number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_twilio_is_retried()
    {
        var (server, client, services) = await StartAsync(201, new { });
        await using var __ = services;
        await server.DisposeAsync();

        var ex = await Assert.ThrowsAsync<TwilioApiException>(() =>
            client.CreateCallAsync("+15550001111", "+15550002222", "<Response/>", null, TestContext.Current.CancellationToken));

        Assert.True(ex.Retryable);
        Assert.Null(ex.Status);
    }

    [Fact]
    public async Task A_numbers_configuration_is_read_from_IncomingPhoneNumbers_and_an_unknown_number_is_null()
    {
        var (server, client, services) = await StartAsync(200, new
        {
            incoming_phone_numbers = new[]
            {
                new { sid = "PN1", phone_number = "+15550003333", voice_url = "https://r.example/api/voice/incoming", voice_method = "POST",
                    status_callback = "https://r.example/api/voice/status", status_callback_method = "POST" },
            },
            next_page_uri = (string?)null, page = 0, page_size = 1, start = 0, end = 0, uri = "/x",
        });
        await using var _ = server;
        await using var __ = services;

        var number = await client.FindNumberAsync("+15550003333", TestContext.Current.CancellationToken);

        Assert.Equal(new TwilioCallsClient.IncomingNumber("+15550003333", "https://r.example/api/voice/incoming", "POST",
            "https://r.example/api/voice/status", "POST"), number);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.StartsWith($"/2010-04-01/Accounts/{Sid}/IncomingPhoneNumbers.json?", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("+15550003333", HttpUtility.ParseQueryString(new Uri("http://x" + request.PathAndQuery).Query)["PhoneNumber"]);

        var (empty, emptyClient, emptyServices) = await StartAsync(200, new { incoming_phone_numbers = Array.Empty<object>(), next_page_uri = (string?)null });
        await using var ___ = empty;
        await using var ____ = emptyServices;
        Assert.Null(await emptyClient.FindNumberAsync("+15550004444", TestContext.Current.CancellationToken));
    }
}
