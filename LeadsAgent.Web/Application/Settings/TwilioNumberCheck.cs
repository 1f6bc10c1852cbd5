using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Auth;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Application.Settings;

/// <summary>The addresses Twilio must call for this app: incoming calls and call status changes.</summary>
public sealed record VoiceWebhooks(string Incoming, string Status)
{
    public static VoiceWebhooks For(string baseUrl) => new($"{baseUrl.TrimEnd('/')}/api/voice/incoming", $"{baseUrl.TrimEnd('/')}/api/voice/status");
}

public enum NumberRouting
{
    Correct,
    PointsElsewhere,
    CannotCheck,
}

/// <summary>What Twilio's configuration of the business's number says, against the addresses it should use.</summary>
public sealed record NumberCheckResult(NumberRouting Routing, string? PhoneNumber, string? VoiceUrl, string? StatusCallback, string Message);

/// <summary>
/// Reads the business's number from Twilio (IncomingPhoneNumbers API) and says whether its "a call comes in" and
/// "call status changes" webhooks point at this app, or why that can't be told.
/// </summary>
public sealed class TwilioNumberCheck(CurrentBusiness current, TwilioCallsClient calls, IOptions<TwilioOptions> twilio)
{
    public async Task<NumberCheckResult> HandleAsync(VoiceWebhooks expected, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        if (!twilio.Value.IsConfigured)
        {
            return Cannot(null, "Twilio isn't connected to LeadsAgent yet (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set).");
        }

        if (business.TwilioPhoneNumber is not { Length: > 0 } number)
        {
            return Cannot(null, "your business has no Twilio number yet. Whoever runs LeadsAgent for you connects one.");
        }

        TwilioCallsClient.IncomingNumber? found;
        try
        {
            found = await calls.FindNumberAsync(number, ct);
        }
        catch (TwilioApiException ex)
        {
            return Cannot(number, ex.Message);
        }

        if (found is null)
        {
            return Cannot(number, $"the Twilio account has no number {PhoneDisplay.Format(number)}.");
        }

        var yours = $"Your Twilio number {PhoneDisplay.Format(number)}";
        var incomingOk = SameUrl(found.VoiceUrl, expected.Incoming) && !IsGet(found.VoiceMethod);
        var statusOk = SameUrl(found.StatusCallback, expected.Status) && !IsGet(found.StatusCallbackMethod);
        var message = (incomingOk, statusOk) switch
        {
            (true, true) => $"{yours} sends calls to {found.VoiceUrl} and call status changes to {found.StatusCallback}.",
            (false, _) when found.VoiceUrl is not { Length: > 0 } => $"{yours} has no “A call comes in” address, so callers reach nobody. Paste the first address above into Twilio.",
            (false, _) when !SameUrl(found.VoiceUrl, expected.Incoming) => $"{yours} sends calls to {found.VoiceUrl}, not to LeadsAgent. Paste the first address above into Twilio.",
            (false, _) => $"{yours} sends calls to {found.VoiceUrl} with HTTP GET: choose HTTP POST in Twilio.",
            (true, false) when found.StatusCallback is not { Length: > 0 } =>
                $"{yours} sends calls here, but “Call status changes” is empty, so a call that ends is not closed at once. Paste the second address into Twilio.",
            _ => $"{yours} sends calls here, but “Call status changes” goes to {found.StatusCallback}. Paste the second address into Twilio.",
        };
        return new(incomingOk && statusOk ? NumberRouting.Correct : NumberRouting.PointsElsewhere, number, found.VoiceUrl, found.StatusCallback, message);

        static NumberCheckResult Cannot(string? number, string reason) => new(NumberRouting.CannotCheck, number, null, null, char.ToUpperInvariant(reason[0]) + reason[1..]);
    }

    static bool SameUrl(string? actual, string expected) =>
        actual is not null && string.Equals(actual.Trim().TrimEnd('/'), expected.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    static bool IsGet(string? method) => string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
}
