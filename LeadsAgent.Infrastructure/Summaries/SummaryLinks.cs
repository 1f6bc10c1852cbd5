using LeadsAgent.Infrastructure.Configuration;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>The dashboard links a summary or digest points at.</summary>
public static class SummaryLinks
{
    public static string Base(ServerOptions server) => (server.PublicBaseUrl ?? $"http://{server.ListenAddress}:{server.Port}").TrimEnd('/');

    public static string Conversation(ServerOptions server, string sessionId) => $"{Base(server)}/conversations/{Uri.EscapeDataString(sessionId)}";

    public static string Recording(ServerOptions server, string sessionId) => Conversation(server, sessionId) + "#recording";

    public static string Lead(ServerOptions server, Guid leadId) => $"{Base(server)}/leads/{leadId}";
}
