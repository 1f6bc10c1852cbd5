using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using LeadsAgent.Web.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Unit;

/// <summary>The dashboard's forms run the API's own validators and say what is wrong with the owner's labels.</summary>
public class FormRulesTests
{
    sealed class AgentForm
    {
        public string AgentName { get; set; } = "Ava";
        public string WelcomeMessage { get; set; } = "Hi!";
        public string Primary { get; set; } = "#0ea5e9";
        public string Origins { get; set; } = "";
    }

    static FormRules<AgentForm, UpdateConfigRequest> Rules()
    {
        new ServiceCollection().AddValidators(); // the API's property names (camelCase), as the app configures them
        return new FormRules<AgentForm, UpdateConfigRequest>(new UpdateConfigRequestValidator(), f => new UpdateConfigRequest(
                f.AgentName, null, f.WelcomeMessage, new ColorThemeDto(f.Primary, "#64748b"), null, null, null, null, null, null, null,
                [.. f.Origins.Split('\n', StringSplitOptions.RemoveEmptyEntries)], null))
            .Label(nameof(AgentForm.WelcomeMessage), "Welcome message")
            .Map(nameof(AgentForm.Primary), "colorTheme.primary", "Main colour")
            .Map(nameof(AgentForm.Origins), "allowedWidgetOrigins", "Websites allowed to show your chat");
    }

    [Fact]
    public async Task A_valid_form_has_no_errors()
    {
        Assert.Empty(await Rules().ValidateAsync(new AgentForm(), TestContext.Current.CancellationToken));
        Assert.Empty(await Rules().Field(new AgentForm(), nameof(AgentForm.AgentName)));
    }

    [Fact]
    public async Task Each_field_gets_the_api_rule_in_the_owners_words()
    {
        var form = new AgentForm { AgentName = new string('a', 101), WelcomeMessage = "  ", Primary = "blue", Origins = "https://ok.example.com\nexample.com/path" };

        var errors = await Rules().ValidateAsync(form, TestContext.Current.CancellationToken);

        Assert.Equal(["Agent name can be at most 100 characters; it has 101."], errors[nameof(AgentForm.AgentName)]);
        Assert.Equal(["Welcome message can't be empty."], errors[nameof(AgentForm.WelcomeMessage)]);
        Assert.Equal(["Main colour must be a colour like #0ea5e9."], errors[nameof(AgentForm.Primary)]);
        Assert.Equal(["Each of websites allowed to show your chat must be an origin like https://www.example.com (no path)."], errors[nameof(AgentForm.Origins)]);
        Assert.Equal(["Main colour must be a colour like #0ea5e9."], await Rules().Field(form, nameof(AgentForm.Primary)));
        Assert.DoesNotContain(errors.Values.SelectMany(e => e), e => System.Text.RegularExpressions.Regex.IsMatch(e, "'[a-zA-Z.]+'"));
    }
}
