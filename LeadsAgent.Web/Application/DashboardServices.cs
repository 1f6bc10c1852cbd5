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
        services.AddScoped<Questions.QuestionQueries>();
        services.AddScoped<Questions.QuestionChanges>();
        services.AddScoped<Questions.AddQuestion>();
        services.AddScoped<Questions.EditQuestion>();
        services.AddScoped<Questions.DeleteQuestion>();
        services.AddScoped<Questions.ReorderQuestions>();
        services.AddScoped<Knowledge.KnowledgeQueries>();
        services.AddScoped<Knowledge.SaveKnowledgeEntry>();
        services.AddScoped<Knowledge.DeleteKnowledgeEntry>();
        services.AddScoped<Knowledge.ImportKnowledgeFile>();
        services.AddScoped<Knowledge.ImportWebPage>();
        services.AddScoped<Knowledge.AnswerKnowledgeGap>();
        services.AddScoped<Knowledge.DismissKnowledgeGap>();
        services.AddScoped<Knowledge.TestKnowledgeQuestion>();
        services.AddScoped<Settings.SettingsQueries>();
        services.AddScoped<Settings.UpdateAgentConfig>();
        services.AddScoped<Settings.HoursQueries>();
        services.AddScoped<Settings.UpdateHours>();
        services.AddScoped<Settings.CheckEmergency>();
        services.AddScoped<Settings.VoiceTestCall>();
        services.AddScoped<Settings.TwilioNumberCheck>();
        services.AddScoped<Platform.PlatformQueries>();
        services.AddScoped<Platform.OpenBusiness>();
        services.AddScoped<Platform.BusinessChange>();
        services.AddScoped<Platform.ChangePlan>();
        services.AddScoped<Platform.SuspendBusiness>();
        services.AddScoped<Platform.SendPasswordReset>();
        services.AddScoped<Platform.ResetPassword>();
        services.AddScoped<Platform.AddBusiness>();
        services.AddScoped<Platform.AssignNumber>();
        services.AddScoped<Account.UpdateBusinessDetails>();
        services.AddScoped<Summaries.SummarySettings>();
        services.AddScoped<Summaries.RecordingQueries>();
        services.AddScoped<Account.ChangePassword>();
        services.AddSingleton<Account.TimeZoneChoices>();
        services.AddTransient<Simulator.SimulatorRun>();
        services.AddScoped<Blocking.BlockListQueries>();
        services.AddScoped<Blocking.BlockNumber>();
        services.AddScoped<Blocking.UnblockNumber>();
        services.AddScoped<Blocking.UpdateCallScreening>();
        services.AddScoped<Blocking.PlatformBlockList>();
        services.AddScoped<Webhooks.WebhookQueries>();
        services.AddScoped<Webhooks.WebhookTargetCheck>();
        services.AddScoped<Webhooks.AddWebhook>();
        services.AddScoped<Webhooks.EditWebhook>();
        services.AddScoped<Webhooks.DeleteWebhook>();
        services.AddScoped<Webhooks.RollWebhookSecret>();
        services.AddScoped<Webhooks.SendTestWebhook>();
        services.AddScoped<Texts.TextSettingsQueries>();
        services.AddScoped<Texts.UpdateTextSettings>();
        services.AddScoped<Bookings.ServiceQueries>();
        services.AddScoped<Bookings.SaveService>();
        services.AddScoped<Bookings.DeleteService>();
        services.AddScoped<Bookings.AvailabilityQueries>();
        services.AddScoped<Bookings.UpdateAvailability>();
        services.AddScoped<Calendar.CalendarSettingsQueries>();
        services.AddScoped<Calendar.ConnectCalendar>();
        services.AddScoped<Calendar.DisconnectCalendar>();
        services.AddScoped<Calendar.ResetCalendarFeed>();
        services.AddSingleton<Calendar.CalendarFeed>();
        services.AddScoped<Bookings.BookingQueries>();
        services.AddScoped<Bookings.CreateBooking>();
        services.AddScoped<Bookings.MoveBooking>();
        services.AddScoped<Bookings.CancelBooking>();
        services.AddSingleton<Bookings.CallerBookings>();
        services.AddSingleton<Bookings.BookingLinkLimits>();
        services.AddScoped<Bookings.BookingDetailsQuery>();
        return services;
    }
}
