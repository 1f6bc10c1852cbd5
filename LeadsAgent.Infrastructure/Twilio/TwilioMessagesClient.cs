using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace LeadsAgent.Infrastructure.Twilio;

/// <summary>
/// Sends text messages through Twilio's Messages API (the SDK's <see cref="MessageResource"/>), on the same factory-made
/// client as the Calls API, with the same errors: <see cref="TwilioApiException"/>, retryable or not, with Twilio's code.
/// </summary>
public sealed class TwilioMessagesClient(TwilioCallsClient calls)
{
    /// <summary>Twilio's error for a recipient who texted STOP to this sender: never retry, the number opted out.</summary>
    public const int UnsubscribedRecipient = 21610;

    public sealed record SentMessage(string Sid, string Status, int Segments);

    public async Task<SentMessage> SendAsync(string to, string from, string body, string? statusCallback, CancellationToken ct)
    {
        if (body.Length is 0 or > Domain.Texts.SmsText.MaxBody)
        {
            throw new TwilioApiException($"A text must have 1 to {Domain.Texts.SmsText.MaxBody} characters; this one has {body.Length}.", null, retryable: false);
        }

        var rest = calls.RestClient();
        return await TwilioCallsClient.CallTwilioAsync(async () =>
        {
            var options = new CreateMessageOptions(new PhoneNumber(to))
            {
                From = new PhoneNumber(from),
                Body = body,
                StatusCallback = statusCallback is null ? null : new Uri(statusCallback),
            };
            var message = await MessageResource.CreateAsync(options, rest);
            var segments = int.TryParse(message.NumSegments, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
            return new SentMessage(message.Sid, message.Status?.ToString() ?? "", segments);
        }, ct);
    }
}
