using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace LeadsAgent.Tests.Unit;

/// <summary>The plan-aware components rendered with the framework's HtmlRenderer, as the dashboard pages render them.</summary>
public class PlanComponentMarkupTests
{
    static async Task<string> RenderAsync<T>(Dictionary<string, object?> parameters) where T : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().AddMudServices().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    static int Count(string html, string what) => html.Split(what).Length - 1;

    [Fact]
    public async Task The_feature_matrix_marks_the_owners_column_and_what_each_plan_includes()
    {
        var html = await RenderAsync<FeatureMatrix>(new() { ["Current"] = PlanTier.BASIC });
        Assert.Contains("<th scope=\"col\" class=\"la-current\">Basic (yours)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Pro</th>", html, StringComparison.Ordinal);

        var phone = html[html.IndexOf("Phone agent", StringComparison.Ordinal)..];
        phone = phone[..phone.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Equal(2, Count(phone, "not included")); // FREE and BASIC
        Assert.Equal(1, Count(phone, ">included<")); // PRO

        var questions = html[html.IndexOf("Lead-capture questions", StringComparison.Ordinal)..];
        Assert.Contains($"up to {PlanRules.QuestionLimit(PlanTier.FREE)}", questions, StringComparison.Ordinal);
        Assert.Equal(2, Count(questions, "unlimited"));
    }

    [Fact]
    public async Task The_upgrade_prompt_names_the_plan_that_has_the_feature_and_is_silent_when_the_plan_has_it()
    {
        var html = await RenderAsync<UpgradePrompt>(new() { ["Feature"] = PlanFeature.VoiceAgent, ["Current"] = PlanTier.BASIC });
        Assert.Contains("data-upgrade=\"VoiceAgent\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Phone agent</strong> comes with the PRO plan (you&#x27;re on BASIC).", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/account/plan\">See the plans</a>", html, StringComparison.Ordinal);

        Assert.Equal("", (await RenderAsync<UpgradePrompt>(new() { ["Feature"] = PlanFeature.VoiceAgent, ["Current"] = PlanTier.PRO })).Trim());
        Assert.Contains("comes with the BASIC plan",
            await RenderAsync<UpgradePrompt>(new() { ["Feature"] = PlanFeature.BasicAnalytics, ["Current"] = PlanTier.FREE }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_question_limit_shows_on_free_with_the_way_to_more_once_reached_and_not_on_paid_plans()
    {
        var limit = PlanRules.QuestionLimit(PlanTier.FREE)!.Value;
        var below = await RenderAsync<QuestionLimit>(new() { ["Plan"] = PlanTier.FREE, ["Count"] = limit - 1 });
        Assert.Contains($"{limit - 1} of {limit} questions on the Free plan.", below, StringComparison.Ordinal);
        Assert.Contains("mud-alert-text-info", below, StringComparison.Ordinal);
        Assert.DoesNotContain("/upgrade/", below, StringComparison.Ordinal);

        var reached = await RenderAsync<QuestionLimit>(new() { ["Plan"] = PlanTier.FREE, ["Count"] = limit });
        Assert.Contains("mud-alert-text-warning", reached, StringComparison.Ordinal);
        Assert.Matches("<a [^>]*href=\"/upgrade/unlimited-questions\"[^>]*>move to Basic</a>", reached);

        Assert.Equal("", (await RenderAsync<QuestionLimit>(new() { ["Plan"] = PlanTier.BASIC, ["Count"] = 40 })).Trim());
    }
}
