using System.Collections.Concurrent;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Auth;
using Microsoft.Extensions.Options;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Application.Settings;

/// <summary>What happened to a "Call me to test": placed (to which number) or why not, in the owner's words.</summary>
public sealed record TestCallResult(bool Placed, string Message);

/// <summary>
/// "Call me to test": rings the owner's alert phone through Twilio's Calls API and speaks the greeting in the voice
/// and language being edited (not yet saved), so the owner hears it before callers do.
/// </summary>
public sealed class VoiceTestCall(CurrentBusiness current, TwilioCallsClient calls, IOptions<TwilioOptions> twilio, TimeProvider clock)
{
    /// <summary>One test call per business at a time: a double tap must not ring the owner twice.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(20);

    static readonly ConcurrentDictionary<Guid, DateTimeOffset> s_lastCall = new();

    public async Task<TestCallResult> HandleAsync(string voice, string language, string? greeting, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        if (!PlanRules.Allows(current.EffectivePlan(business), PlanFeature.VoiceConfiguration))
        {
            return new(false, "Test calls come with the Pro plan.");
        }

        if (!twilio.Value.IsConfigured)
        {
            return new(false, "Twilio isn't connected to LeadsAgent yet, so no call can be made. Whoever runs LeadsAgent for you sets TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.");
        }

        if (business.NotificationPhoneNumber is not { Length: > 0 } to)
        {
            return new(false, "There's no phone to call: add your phone for emergency alerts and transfers on the Account page, then try again.");
        }

        if ((business.TwilioPhoneNumber ?? twilio.Value.PhoneNumber) is not { Length: > 0 } from)
        {
            return new(false, "Your business has no Twilio number to call from yet. Ask whoever runs LeadsAgent for you to connect one.");
        }

        if (!VoiceCatalog.IsValid(voice, language))
        {
            return new(false, $"The voice {voice} doesn't speak {language}; pick one of the voices listed for that language.");
        }

        var now = clock.GetUtcNow();
        if (s_lastCall.TryGetValue(business.Id, out var last) && now - last < Pause)
        {
            return new(false, $"A test call was just placed. Wait {Math.Ceiling((Pause - (now - last)).TotalSeconds):0} seconds before calling again.");
        }

        var text = AgentPhrases.OwnerOr(greeting, AgentPhrase.VoiceGreeting, language);
        var twiml = RenderCompact(Response(Say(text, voice, language), Pause(1), Hangup()));
        try
        {
            s_lastCall[business.Id] = now;
            await calls.CreateCallAsync(to, from, twiml, statusCallback: null, ct);
            return new(true, $"Calling {PhoneDisplay.Format(to)} now: answer to hear your greeting.");
        }
        catch (TwilioApiException ex)
        {
            s_lastCall.TryRemove(business.Id, out _);
            return new(false, $"Twilio didn't place the call: {ex.Message}");
        }
    }
}
