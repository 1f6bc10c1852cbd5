using LeadsAgent.Domain.Engine;
using LeadsAgent.Infrastructure.Twilio;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Tests.Unit;

/// <summary>Golden XML from twilio-csharp's tests (G1, G8) and the reference's receptionist example.</summary>
public class TwiMLTests
{
    const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    [Fact]
    public void Render_EmptyResponse_MatchesG1() => Assert.Equal(Declaration + "<Response></Response>", Render(Response()));

    [Fact]
    public void Render_SingleVerbs_MatchG8()
    {
        Assert.Equal(Declaration + "<Redirect method=\"GET\">https://example.com</Redirect>", Render(Redirect("https://example.com", "GET")));
        Assert.Equal(Declaration + "<Pause length=\"1\"></Pause>", Render(Pause(1)));
        Assert.Equal(Declaration + "<Play loop=\"1\" digits=\"digits\">https://example.com</Play>", Render(Play("https://example.com", 1, "digits")));
        Assert.Equal(Declaration + "<Hangup></Hangup>", Render(Hangup()));
        Assert.Equal(Declaration + "<Say voice=\"man\" loop=\"1\" language=\"af-ZA\">message</Say>", Render(Say("message", "man", "af-ZA", 1)));
    }

    [Fact]
    public void Render_GatherWithChildren_MatchesG2()
    {
        var xml = Render(Gather(new GatherOptions(), Say("message", "man", "af-ZA", 1), Pause(1), Play("https://example.com", 1, "digits")));
        Assert.Equal(Declaration + "<Gather>\n  <Say voice=\"man\" loop=\"1\" language=\"af-ZA\">message</Say>\n  <Pause length=\"1\"></Pause>\n  <Play loop=\"1\" digits=\"digits\">https://example.com</Play>\n</Gather>", xml);
    }

    [Fact]
    public void Render_GatherAttributes_KeepTwiliosOrder()
    {
        var xml = Render(Gather(new GatherOptions(Input: "dtmf", Action: "https://example.com", Method: "GET", Timeout: 1, SpeechTimeout: "speech_timeout",
            Language: "af-ZA", Hints: "hints", ActionOnEmptyResult: true, SpeechModel: "speech_model", Enhanced: true)));
        Assert.Equal(Declaration + "<Gather input=\"dtmf\" action=\"https://example.com\" method=\"GET\" timeout=\"1\" speechTimeout=\"speech_timeout\" language=\"af-ZA\" hints=\"hints\" actionOnEmptyResult=\"true\" speechModel=\"speech_model\" enhanced=\"true\"></Gather>", xml);
    }

    [Fact]
    public void Render_DialAndRecordAttributes_KeepTwiliosOrder()
    {
        Assert.Equal(Declaration + "<Dial action=\"https://example.com\" method=\"GET\" timeout=\"1\" callerId=\"caller_id\" answerOnBridge=\"true\">\n  <Number>+15558675310</Number>\n</Dial>",
            Render(Dial(new DialOptions("https://example.com", "GET", 1, "caller_id", true), Number("+15558675310"))));
        Assert.Equal(Declaration + "<Record action=\"https://example.com\" method=\"GET\" timeout=\"1\" finishOnKey=\"finish_on_key\" maxLength=\"1\" playBeep=\"true\" trim=\"trim-silence\" recordingStatusCallback=\"https://example.com\" recordingStatusCallbackMethod=\"GET\" recordingStatusCallbackEvent=\"in-progress\"></Record>",
            Render(Record(new RecordOptions("https://example.com", "GET", 1, "finish_on_key", 1, true, "trim-silence", "https://example.com", "GET", "in-progress"))));
    }

    [Fact]
    public void Render_ReceptionistResponse_MatchesTheReferenceExample()
    {
        var xml = Render(Response(
            Gather(new GatherOptions(Input: "speech", Action: "https://example.com/voice/gather?turn=1&call=CA1", Method: "POST", SpeechTimeout: "auto", Language: "en-US"),
                Say("Hi! Tom & Jerry's <clinic>. \"How\" can I help?", "Polly.Joanna-Neural", "en-US")),
            Redirect("https://example.com/voice/no-input", "POST"),
            Hangup()));
        Assert.Equal(Declaration + """
            <Response>
              <Gather input="speech" action="https://example.com/voice/gather?turn=1&amp;call=CA1" method="POST" speechTimeout="auto" language="en-US">
                <Say voice="Polly.Joanna-Neural" language="en-US">Hi! Tom &amp; Jerry's &lt;clinic&gt;. "How" can I help?</Say>
              </Gather>
              <Redirect method="POST">https://example.com/voice/no-input</Redirect>
              <Hangup></Hangup>
            </Response>
            """.ReplaceLineEndings("\n"), xml);
    }

    [Fact]
    public void Say_SsmlParts_AreMixedContentWithoutIndentation()
    {
        var reply = new SpokenReply("Get out now. Then call 911.", [new SpeechEmphasis("Get out now."), new SpeechBreak(300), new SpeechText("Then call 911.")], UsesSsml: true);
        Assert.Equal(Declaration + "<Say voice=\"Polly.Joanna\" language=\"en-US\"><emphasis level=\"strong\">Get out now.</emphasis><break time=\"300ms\"></break>Then call 911.</Say>",
            Render(Say(reply, "Polly.Joanna", "en-US")));
        var plain = new SpokenReply("Hello there.", [new SpeechText("Hello there.")], UsesSsml: false);
        Assert.Equal(Declaration + "<Say voice=\"alice\">Hello there.</Say>", Render(Say(plain, "alice", null)));
    }
}
