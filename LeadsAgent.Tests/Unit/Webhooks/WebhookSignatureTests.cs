using System.Text.RegularExpressions;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Webhooks;
using LeadsAgent.Tests.Integration.Webhooks;

namespace LeadsAgent.Tests.Unit.Webhooks;

public class WebhookSignatureTests
{
    [Fact]
    public void Header_KnownVector_MatchesHmacSha256OfTimestampDotBody()
    {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        Assert.Equal("t=1700000000,v1=" + Expected, WebhookSignature.Header("whsec_test", 1700000000, "{\"a\":1}"));
    }

    const string Expected = "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789";

    [Fact]
    public void NewSecret_IsWhsecAnd32RandomBytes()
    {
        var a = WebhookSignature.NewSecret();
        Assert.Matches(new Regex("^whsec_[A-Za-z0-9_-]{43}$"), a);
        Assert.NotEqual(a, WebhookSignature.NewSecret());
    }

    [Fact]
    public void Snippet_SignedNow_VerifiesAndRefusesAnythingElse()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var header = WebhookSignature.Header("whsec_k", now.ToUnixTimeSeconds(), "{\"id\":\"evt_1\"}");
        Assert.True(LeadsAgentWebhook.Verify("whsec_k", header, "{\"id\":\"evt_1\"}", now.AddMinutes(4)));
        Assert.False(LeadsAgentWebhook.Verify("whsec_k", header, "{\"id\":\"evt_2\"}", now));
        Assert.False(LeadsAgentWebhook.Verify("whsec_x", header, "{\"id\":\"evt_1\"}", now));
        Assert.False(LeadsAgentWebhook.Verify("whsec_k", header, "{\"id\":\"evt_1\"}", now.AddMinutes(-6)));
        Assert.False(LeadsAgentWebhook.Verify("whsec_k", "t=1800000000", "{\"id\":\"evt_1\"}", now));
        Assert.False(LeadsAgentWebhook.Verify("whsec_k", null, "{\"id\":\"evt_1\"}", now));
    }

    [Theory]
    [InlineData(19, 30, false)]
    [InlineData(20, 23, false)]
    [InlineData(20, 24, true)]
    [InlineData(3, 48, false)]
    public void ShouldSwitchOff_NeedsBothCountAndSpan(int failures, int hours, bool expected)
    {
        var first = DateTimeOffset.UnixEpoch;
        Assert.Equal(expected, WebhookEndpoint.ShouldSwitchOff(failures, first, first.AddHours(hours), 20, TimeSpan.FromHours(24)));
    }

    [Theory]
    [InlineData("https://hooks.zapier.com/hooks/catch/1/abc/", false, null)]
    [InlineData("http://hooks.zapier.com/x", false, "https://")]
    [InlineData("http://127.0.0.1:5000/x", true, null)]
    [InlineData("http://127.0.0.1:5000/x", false, "https://")]
    [InlineData("https://127.0.0.1/x", false, "private network")]
    [InlineData("https://192.168.1.2/x", true, "private network")]
    [InlineData("https://[::1]/x", false, "private network")]
    [InlineData("ftp://example.com/x", false, "full web address")]
    public void Problem_Url_NamesWhatIsWrong(string url, bool allowLoopback, string? expected)
    {
        var problem = WebhookUrl.Problem(url, allowLoopback);
        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }
}
