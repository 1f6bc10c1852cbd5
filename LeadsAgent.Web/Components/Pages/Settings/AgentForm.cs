using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using FluentValidation;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>The agent settings form: what the owner edits, compared by value to what is saved.</summary>
public sealed record AgentForm : IConfigForm<AgentForm>
{
    public string AgentName { get; set; } = "";
    public string PersonaPrompt { get; set; } = "";
    public string WelcomeMessage { get; set; } = "";
    public string LeadCaptureCompletionMessage { get; set; } = "";
    public string Primary { get; set; } = "";
    public string Secondary { get; set; } = "";
    public string Origins { get; set; } = "";
    public string Keywords { get; set; } = "";

    /// <summary>The form for a configuration: a message left empty or at a default shows the default visitors get, in the agent's language.</summary>
    public static AgentForm From(AgentConfig c) => new()
    {
        AgentName = c.AgentName,
        PersonaPrompt = c.PersonaPrompt,
        WelcomeMessage = AgentPhrases.OwnerOr(c.WelcomeMessage, AgentPhrase.ChatWelcome, c.TwilioLanguage),
        LeadCaptureCompletionMessage = AgentPhrases.OwnerOr(c.LeadCaptureCompletionMessage, AgentPhrase.ChatCompletion, c.TwilioLanguage),
        Primary = c.ColorTheme.Primary,
        Secondary = c.ColorTheme.Secondary,
        Origins = string.Join('\n', c.AllowedWidgetOrigins),
        Keywords = string.Join('\n', c.ExtraEmergencyKeywords),
    };

    public AgentForm Copy() => this with { };

    public UpdateConfigRequest ToRequest() => new(AgentName, PersonaPrompt, WelcomeMessage, new ColorThemeDto(Primary.Trim(), Secondary.Trim()),
        LeadCaptureCompletionMessage, null, null, null, null, null, null, Lines(Origins), Lines(Keywords));

    /// <summary>One entry a line; blank lines and spaces around an entry don't count.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static FormRules<AgentForm, UpdateConfigRequest> Rules(IValidator<UpdateConfigRequest> validator) =>
        new FormRules<AgentForm, UpdateConfigRequest>(validator, f => f.ToRequest())
            .Label(nameof(AgentName), "Agent name")
            .Label(nameof(PersonaPrompt), "How your agent talks")
            .Label(nameof(WelcomeMessage), "Welcome message")
            .Label(nameof(LeadCaptureCompletionMessage), "Message when a lead is complete")
            .Map(nameof(Primary), "colorTheme.primary", "Main colour")
            .Map(nameof(Secondary), "colorTheme.secondary", "Accent colour")
            .Map(nameof(Origins), "allowedWidgetOrigins", "Websites allowed to show your chat")
            .Map(nameof(Keywords), "extraEmergencyKeywords", "Extra emergency words");
}
