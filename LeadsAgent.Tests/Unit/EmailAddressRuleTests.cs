using LeadsAgent.Web.Validation;

namespace LeadsAgent.Tests.Unit;

public class EmailAddressRuleTests
{
    [Theory]
    [InlineData("owner@example.com")]
    [InlineData("first.last+leads@sub.example.co.uk")]
    [InlineData("alerts@acme-plumbing.test")]
    public void IsEmailAddress_BareAddress_IsTrue(string value) => Assert.True(Rules.IsEmailAddress(value));

    [Theory]
    [InlineData("no-at-sign.com")]
    [InlineData("owner@localhost")]
    [InlineData("owner@example.")]
    [InlineData("@example.com")]
    [InlineData("Owner <owner@example.com>")]
    [InlineData("owner@@example.com")]
    [InlineData("own er@example.com")]
    [InlineData("owner@example.com (office)")]
    public void IsEmailAddress_NotABareAddress_IsFalse(string value) => Assert.False(Rules.IsEmailAddress(value));
}
