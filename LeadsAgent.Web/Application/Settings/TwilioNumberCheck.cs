using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Twilio;
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
            return Cannot(null, "your business has no Twilio number yet.");
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
            return Cannot(number, "this Twilio account has no such number.");
        }

        var incomingOk = SameUrl(found.VoiceUrl, expected.Incoming) && !IsGet(found.VoiceMethod);
        var statusOk = SameUrl(found.StatusCallback, expected.Status) && !IsGet(found.StatusCallbackMethod);
        var message = (incomingOk, statusOk) switch
        {
            (true, true) => "Twilio sends this number's calls and call status changes here.",
            (false, _) when found.VoiceUrl is not { Length: > 0 } => "Twilio has no \"A call comes in\" address for this number, so callers reach nobody.",
            (false, _) when !SameUrl(found.VoiceUrl, expected.Incoming) => $"Twilio sends this number's calls to {found.VoiceUrl}, not to LeadsAgent.",
            (false, _) => "Twilio sends this number's calls here, but with HTTP GET: choose HTTP POST.",
            (true, false) when found.StatusCallback is not { Length: > 0 } => "Calls come here, but \"Call status changes\" is empty, so calls that end are not closed at once.",
            _ => $"Calls come here, but \"Call status changes\" goes to {found.StatusCallback}.",
        };
        return new(incomingOk && statusOk ? NumberRouting.Correct : NumberRouting.PointsElsewhere, number, found.VoiceUrl, found.StatusCallback, message);

        static NumberCheckResult Cannot(string? number, string reason) => new(NumberRouting.CannotCheck, number, null, null, $"Can't check: {reason}");
    }

    static bool SameUrl(string? actual, string expected) =>
        actual is not null && string.Equals(actual.Trim().TrimEnd('/'), expected.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    static bool IsGet(string? method) => string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
}
