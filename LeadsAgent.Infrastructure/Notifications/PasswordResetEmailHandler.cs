using System.Net;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Notifications;

/// <summary>
/// The email with a link where an owner sets a new password, asked for by a platform admin. The row holds only the
/// user's id: the Identity token is made when the email is sent, so no usable token is ever stored. The token is tied
/// to the account's security stamp, which the reset changes: the link works once, and it ends the old sessions.
/// </summary>
public sealed class PasswordResetEmailHandler(IServiceScopeFactory scopes, IEmailSender email, IOptions<ServerOptions> server) : IOutboxHandler
{
    public const string ResetPath = "/reset-password";

    public NotificationKind Kind => NotificationKind.PASSWORD_RESET;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var userId = JsonNode.Parse(item.Payload)?["userId"]?.GetValue<string>()
            ?? throw new OutboxRetryException("The reset request names no user.", retry: false);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null)
        {
            throw new OutboxRetryException("The owner's account no longer exists.", retry: false);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await email.SendAsync(Compose(user.Email, user.Id, token, server.Value), ct);
        return OutboxOutcome.Sent;
    }

    public static EmailMessage Compose(string to, Guid userId, string token, ServerOptions server)
    {
        var link = $"{(server.PublicBaseUrl ?? $"http://{server.ListenAddress}:{server.Port}").TrimEnd('/')}{ResetPath}"
            + $"?user={userId}&token={Uri.EscapeDataString(token)}";
        var text = $"""
            Hello,

            The LeadsAgent support team was asked to reset the password of your dashboard ({to}).
            Open this link to choose a new password. It works once, within a day:

            {link}

            Setting a new password signs you out everywhere else. If you didn't ask for this, you can ignore this email:
            your password stays as it is.
            """;
        var e = WebUtility.HtmlEncode(link);
        var html = $"""
            <!doctype html><html><body style="font-family:Arial,sans-serif;color:#1f2937">
            <h1 style="font-size:20px">Set a new password</h1>
            <p>The LeadsAgent support team was asked to reset the password of your dashboard ({WebUtility.HtmlEncode(to)}).</p>
            <p><a href="{e}">Choose a new password</a> (the link works once, within a day).</p>
            <p>Setting a new password signs you out everywhere else. If you didn't ask for this, you can ignore this email: your password stays as it is.</p>
            </body></html>
            """;
        return new EmailMessage(to, "Set a new password for your LeadsAgent dashboard", text, html, Important: false);
    }
}
