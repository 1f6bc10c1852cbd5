using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Web.Voice;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Tests.Unit;

/// <summary>The ConversationRelay answer, as Twilio's docs and the SDK's ConversationRelay class write it.</summary>
public class RelayTwiMLTests
{
    const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    [Fact]
    public void ConversationRelay_AllSettings_MatchesGoldenXml()
    {
        var xml = Render(Response(ConversationRelay(new RelayOptions("wss://agent.example.com/api/voice/relay", "/api/voice/relay-action",
            "Hello! Thanks for calling Acme & Sons. How can I help?", "en-US", "Amazon", "Joanna-Neural", "Acme, gas leak, burst pipe"))));
        Assert.Equal(Declaration + """
            <Response>
              <Connect action="/api/voice/relay-action" method="POST">
                <ConversationRelay url="wss://agent.example.com/api/voice/relay" language="en-US" transcriptionLanguage="en-US" ttsProvider="Amazon" voice="Joanna-Neural" dtmfDetection="true" welcomeGreeting="Hello! Thanks for calling Acme &amp; Sons. How can I help?" welcomeGreetingInterruptible="any" interruptible="any" hints="Acme, gas leak, burst pipe"></ConversationRelay>
              </Connect>
            </Response>
            """.ReplaceLineEndings("\n"), xml);
    }

    [Theory]
    [InlineData("Polly.Joanna-Neural", "Amazon", "Joanna-Neural")]
    [InlineData("Polly.Lupe-Generative", "Amazon", "Lupe-Generative")]
    [InlineData("Google.en-US-Chirp3-HD-Aoede", "Google", "en-US-Chirp3-HD-Aoede")]
    [InlineData("alice", "Google", null)]
    public void RelayVoice_OurVoiceName_IsTheRelaysProviderAndVoice(string ours, string provider, string? voice) =>
        Assert.Equal((provider, voice), RelayCalls.RelayVoice(ours));
}

public class ClauseSplitterTests
{
    [Fact]
    public void Split_EmergencyReply_CutsAtClausesAndJoinsBackUnchanged()
    {
        const string text = "I understand this is an emergency. Please leave the house now, and call the gas company from outside. What's your name?";
        var pieces = LeadsAgent.Domain.Engine.ClauseSplitter.Split(text);
        Assert.Equal(["I understand this is an emergency. ", "Please leave the house now, ", "and call the gas company from outside. ", "What's your name?"], pieces);
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Split_ShortLeadIn_StaysWithTheNextClause() =>
        Assert.Equal(["Yes, we do that. ", "When suits you?"], LeadsAgent.Domain.Engine.ClauseSplitter.Split("Yes, we do that. When suits you?"));
}
