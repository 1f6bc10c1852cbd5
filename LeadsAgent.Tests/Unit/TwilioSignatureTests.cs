using LeadsAgent.Infrastructure.Twilio;

namespace LeadsAgent.Tests.Unit;

/// <summary>Twilio's own SDK test vectors (twilio-csharp, twilio-node, twilio-python), from the reference.</summary>
public class TwilioSignatureTests
{
    const string Token = "12345";
    const string Base = "https://mycompany.com/myapp.php?foo=1&bar=2";

    static readonly Dictionary<string, IReadOnlyList<string>> s_fixture = new()
    {
        ["CallSid"] = ["CA1234567890ABCDE"],
        ["Caller"] = ["+14158675309"],
        ["Digits"] = ["1234"],
        ["From"] = ["+14158675309"],
        ["To"] = ["+18005551212"],
    };

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    [InlineData("HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=")]
    [InlineData("http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=")]
    [InlineData("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=")]
    [InlineData("https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs=")]
    [InlineData("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&Body=It%27s+amazing", "TfZzewPq8wqrGlMfyAud8+/IvJ0=")]
    public void IsValid_SdkVectors_Validate(string url, string signature) =>
        Assert.True(TwilioSignature.IsValid(Token, signature, url, s_fixture));

    [Theory]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData(Base, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData(Base, "WRONG_SIGNATURE")]
    [InlineData(Base, "")]
    [InlineData(Base, null)]
    public void IsValid_WrongHostCaseOrSignature_Fails(string url, string? signature) =>
        Assert.False(TwilioSignature.IsValid(Token, signature, url, s_fixture));

    [Fact]
    public void IsValid_RepeatedNames_AreDedupedAndSorted()
    {
        Assert.True(TwilioSignature.IsValid(Token, "83O6e2vORAoJHUNzJjDWN1jz+BA=", Base,
            new Dictionary<string, IReadOnlyList<string>> { ["MessagingBinding.Address"] = ["+1415xxxxxxx", "+1325xxxxxxx"] }));
        Assert.True(TwilioSignature.IsValid(Token, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", Base,
            new Dictionary<string, IReadOnlyList<string>> { ["Sid"] = ["CA123"], ["SidAccount"] = ["AC123"], ["Digits"] = ["5678", "1234", "1234"] }));
    }

    /// <summary>Our own vectors from the reference (computed with the same algorithm, not from an SDK suite).</summary>
    [Fact]
    public void Compute_OwnVectors_IncludingUtf8Speech()
    {
        Assert.Equal("othDSLLSCxyL3OWf7XLbyqdeQqI=", TwilioSignature.Compute(Token, "https://receptionist.example.com/twilio/voice/incoming", []));
        var gather = new Dictionary<string, IReadOnlyList<string>>
        {
            ["AccountSid"] = ["ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"], ["ApiVersion"] = ["2010-04-01"], ["CallSid"] = ["CA1234567890ABCDE"],
            ["CallStatus"] = ["in-progress"], ["Direction"] = ["inbound"], ["From"] = ["+14158675309"], ["To"] = ["+18005551212"],
            ["Confidence"] = ["0.92"], ["SpeechResult"] = ["I'd like to book a cleaning for Tuesday, please. Café olé!"],
        };
        Assert.Equal("/BR9mkvSSbomhg5On/phd03bSrc=", TwilioSignature.Compute(Token, "https://receptionist.example.com/twilio/voice/gather?callId=42", gather));
        Assert.Equal("OyGYPqTF6ztdbRNCvuQO/oPvqQ4=", TwilioSignature.Compute(Token, "http://mycompany.com/myapp.php?foo=1&bar=2", s_fixture));
    }

    /// <summary>
    /// Why TwilioSignature is ours and not the SDK's RequestValidator: the SDK joins repeated names' values with commas.
    /// When a Twilio release signs these vectors as Twilio does, this fails, and the SDK's validator can replace ours.
    /// </summary>
    [Fact]
    public void SdkRequestValidator_RepeatedNames_StillRejectsTwiliosSignatures()
    {
        var validator = new global::Twilio.Security.RequestValidator(Token);
        var digits = new System.Collections.Specialized.NameValueCollection { { "Sid", "CA123" }, { "SidAccount", "AC123" }, { "Digits", "5678" }, { "Digits", "1234" }, { "Digits", "1234" } };
        Assert.False(validator.Validate(Base, digits, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
        Assert.True(validator.Validate(Base, new System.Collections.Specialized.NameValueCollection { { "CallSid", "CA1234567890ABCDE" }, { "Caller", "+14158675309" },
            { "Digits", "1234" }, { "From", "+14158675309" }, { "To", "+18005551212" } }, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Theory]
    [InlineData("https://a.example/x?y=1", "https://a.example:443/x?y=1")]
    [InlineData("https://a.example:8443/x", "https://a.example/x")]
    [InlineData("http://u:p@a.example/x", "http://u:p@a.example:80/x")]
    [InlineData("https://a.example", "https://a.example:443")]
    public void PortVariant_AddsOrRemovesThePort(string url, string expected) => Assert.Equal(expected, TwilioSignature.PortVariant(url));
}
