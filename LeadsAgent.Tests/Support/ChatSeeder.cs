using System.Net.Http.Json;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Infrastructure.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Support;

/// <summary>Real website chats through the app's chat API, ended the way the idle sweep ends them.</summary>
public static class ChatSeeder
{
    /// <summary>The words of a chat that leaves a complete lead (a clogged sink, with name, number, address and email).</summary>
    public static readonly string[] LeadChat =
        ["My kitchen sink is clogged", "Dana Scully", "(555) 242-1313", "42 Oak Street, Springfield", "dana@example.com"];

    /// <summary>Sends each message in one chat session and returns the session id.</summary>
    public static async Task<string> ChatAsync(PlatformFixture fx, Guid businessId, params string[] messages)
    {
        var http = fx.Anonymous();
        string? sessionId = null;
        foreach (var message in messages)
        {
            var response = await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, TestContext.Current.CancellationToken);
            var body = await response.JsonAsync(System.Net.HttpStatusCode.OK);
            sessionId = body["sessionId"]!.GetValue<string>();
        }

        return sessionId!;
    }

    /// <summary>Ends the chat as a visitor who walked away (what the maintenance worker does after the idle timeout).</summary>
    public static Task EndAsync(PlatformFixture fx, string sessionId) =>
        fx.App.Services.GetRequiredService<ConversationService>().EndAsync(sessionId, ConversationStatus.ABANDONED, TestContext.Current.CancellationToken);

    /// <summary>A chat that ended with a lead.</summary>
    public static async Task<string> FinishedChatWithLeadAsync(PlatformFixture fx, Guid businessId)
    {
        var id = await ChatAsync(fx, businessId, LeadChat);
        await EndAsync(fx, id);
        return id;
    }

    /// <summary>A chat that ended without a lead: one question, then the visitor left.</summary>
    public static async Task<string> FinishedChatWithoutLeadAsync(PlatformFixture fx, Guid businessId, string question = "Do you fix pool pumps?")
    {
        var id = await ChatAsync(fx, businessId, question);
        await EndAsync(fx, id);
        return id;
    }
}
