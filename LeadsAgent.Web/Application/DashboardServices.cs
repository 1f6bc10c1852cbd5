using LeadsAgent.Web.Live;

namespace LeadsAgent.Web.Application;

/// <summary>The dashboard's application layer: the use cases and query services pages and the JSON API call.</summary>
public static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<LiveEventRouter>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventRouter>());
        services.AddScoped<DashboardFeed>();
        services.AddScoped<Display.BusinessClockProvider>();
        services.AddSingleton<Emergencies.EmergencyQueries>();
        services.AddScoped<Emergencies.AcknowledgeEmergency>();
        services.AddSingleton<Overview.LiveOverview>();
        services.AddScoped<Leads.LeadQueries>();
        services.AddScoped<Leads.UpdateLead>();
        services.AddScoped<Conversations.LiveSessionQueries>();
        services.AddScoped<Conversations.ConversationQueries>();
        services.AddSingleton<Analytics.AnalyticsQueries>();
        services.AddScoped<Account.UpdateBusinessDetails>();
        services.AddScoped<Account.ChangePassword>();
        services.AddSingleton<Account.TimeZoneChoices>();
        services.AddTransient<Simulator.SimulatorRun>();
        return services;
    }
}
