using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Infrastructure.Ai;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Health;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Net;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Redis;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Summaries;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Texts;
using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(config, DatabaseOptions.Section);
        services.AddValidatedOptions<RedisOptions, RedisOptionsValidator>(config, RedisOptions.Section);
        services.AddValidatedOptions<OpenAIOptions, OpenAIOptionsValidator>(config, OpenAIOptions.Section);
        services.AddValidatedOptions<TwilioOptions, TwilioOptionsValidator>(config, TwilioOptions.Section);
        services.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>(config, SmtpOptions.Section);
        services.AddValidatedOptions<AdminOptions, AdminOptionsValidator>(config, AdminOptions.Section);
        services.AddValidatedOptions<ServerOptions, ServerOptionsValidator>(config, ServerOptions.Section);
        services.AddOptions<FeatureOptions>().Bind(config.GetSection(FeatureOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<TenantScope>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantScope>());

        // Scoped factory: pages and workers get fresh contexts that still see the request's tenant. They share the
        // process's one data source (one pool, the connection string parsed once) instead of building their own.
        services.AddDbContextFactory<LeadsDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), n => n.UseVector()), ServiceLifetime.Scoped);

        services.AddIdentityCore<AppUser>(o =>
            {
                // Length beats composition rules (NIST SP 800-63B); lockout stops guessing.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<LeadsDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Raw SQL paths (retrieval, outbox claims) share one pooled data source.
        services.AddSingleton(sp => KnowledgeVectors.DataSource(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddOptions<KnowledgeOptions>().Bind(config.GetSection(KnowledgeOptions.Section));
        services.AddSingleton<IEmbedder>(sp => sp.GetRequiredService<IOptions<OpenAIOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<OpenAIEmbedder>(sp)
            : new HashingEmbedder());
        services.AddSingleton<HybridKnowledgeRetriever>();
        services.AddSingleton<IKnowledgeRetriever>(sp => sp.GetRequiredService<HybridKnowledgeRetriever>());
        services.AddSingleton<KnowledgeGapRecorder>();
        services.AddScoped<KnowledgeBase>();
        services.TryAddSingleton<IOutboundAddressPolicy, PublicOnlyAddressPolicy>();
        services.TryAddSingleton<IHostNameResolver, DnsHostNameResolver>();
        services.AddSingleton<KnowledgeImporter>();
        services.AddHttpClient(KnowledgeImporter.HttpClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("LeadsAgent-KnowledgeImport/1.0"))
            .ConfigurePrimaryHttpMessageHandler(CheckedAddressHandler.Create);
        services.AddHostedService<ReembedWorker>();
        services.AddSingleton<ILanguageModel>(sp => sp.GetRequiredService<IOptions<OpenAIOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<OpenAILanguageModel>(sp)
            : new LocalLanguageModel());
        services.AddSingleton<ConversationEngine>();

        services.AddOptions<NotificationOptions>().Bind(config.GetSection(NotificationOptions.Section));
        services.AddTwilioCalls();
        services.AddSingleton<IOutboxHandler, OwnerAlertCallHandler>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<IOutboxHandler, OwnerEmailHandler>();
        services.AddSingleton<IOutboxHandler, PasswordResetEmailHandler>();
        services.AddWebhooks(config);
        services.AddCalendarSync(config);
        services.AddSingleton<Calendar.CalendarSecrets>();
        services.AddSingleton<Calendar.CalendarBusyTimes>();
        services.AddSingleton<IOutboxHandler, Calendar.CalendarSyncHandler>();
        services.AddOptions<SummaryOptions>().Bind(config.GetSection(SummaryOptions.Section));
        services.AddSingleton<ISummaryWriter>(sp => sp.GetRequiredService<IOptions<OpenAIOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<OpenAISummaryWriter>(sp)
            : new NoSummaryWriter());
        services.AddSingleton<CallRecordings>();
        services.AddSingleton<SummaryEnqueuer>();
        services.AddSingleton<IOutboxHandler, CallSummaryHandler>();
        services.AddSingleton<IOutboxHandler, DailyDigestHandler>();
        services.AddSingleton<DailyDigestWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyDigestWorker>());
        // Texts (issue 18): the SMS outbox handler and the missed-call text-back.
        services.AddOptions<TextOptions>().Bind(config.GetSection(TextOptions.Section));
        services.AddSingleton<IOutboxHandler, TextMessageHandler>();
        services.AddSingleton<MissedCallTexts>();
        // Booking notices (issue 19): confirmations with an .ics, reminders, the owner's notice.
        services.AddOptions<Bookings.BookingNoticeOptions>().Bind(config.GetSection(Bookings.BookingNoticeOptions.Section))
            .Validate(o => o.ReminderHoursBefore is >= 1 and <= 168 && o.ReminderMinimumLeadHours is >= 0 and <= 168 && o.LinkRequestBurst is >= 1 and <= 1_000_000,
                "Bookings:ReminderHoursBefore must be between 1 and 168 hours, Bookings:ReminderMinimumLeadHours between 0 and 168, and Bookings:LinkRequestBurst between 1 and 1000000.")
            .ValidateOnStart();
        services.AddSingleton<Bookings.BookingNotices>();
        services.AddSingleton<IOutboxHandler, Bookings.BookingEmailHandler>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());

        services.AddSingleton<RedisConnector>();
        services.AddOptions<SessionOptions>().Bind(config.GetSection(SessionOptions.Section));
        services.AddSingleton<RedisSessionStore>();
        services.AddSingleton<ISessionStore>(sp => sp.GetRequiredService<RedisSessionStore>());
        services.AddSingleton<RedisLiveEvents>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<RedisLiveEvents>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisLiveEvents>());
        services.AddSingleton<BusinessDirectory>();
        services.AddSingleton<Blocking.CallerBlockList>();
        services.AddSingleton<LeadRecorder>();
        services.AddSingleton<Bookings.AgentBookings>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton<SessionMaintenanceWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionMaintenanceWorker>());
        services.AddHttpClient(ExternalApiProbe.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        services.AddSingleton<ExternalApiProbe>();
        services.AddSingleton<HealthReporter>();
        services.AddScoped<CreateBusiness>();
        services.AddScoped<StartupTasks>();
        services.AddScoped<DemoData>();
        return services;
    }

    /// <summary>Outbound webhooks: signed deliveries from the outbox to the owner's endpoints, checked like knowledge URL imports.</summary>
    static void AddWebhooks(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<WebhookOptions, WebhookOptionsValidator>(config, WebhookOptions.Section);
        services.TryAddSingleton<OutboundTargetGuard>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookEventWriter>();
        services.AddSingleton<WebhookCallEvents>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, c =>
            {
                c.DefaultRequestHeaders.UserAgent.ParseAdd("LeadsAgent-Webhooks/1.0");
                // The sender's own token ends each attempt after Webhooks:TimeoutSeconds.
                c.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(CheckedAddressHandler.Create);
        services.AddSingleton<IOutboxHandler, WebhookDeliveryHandler>();
        services.AddSingleton<IOutboxHandler, WebhookDisabledEmailHandler>();
    }

    /// <summary>CalDAV calendar sync: the client that writes bookings to the owner's calendar and reads busy times.</summary>
    public static IServiceCollection AddCalendarSync(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<Calendar.CalendarOptions, Calendar.CalendarOptionsValidator>(config, Calendar.CalendarOptions.Section);
        services.TryAddSingleton<IOutboundAddressPolicy, PublicOnlyAddressPolicy>();
        services.TryAddSingleton<IHostNameResolver, DnsHostNameResolver>();
        services.TryAddSingleton<OutboundTargetGuard>();
        services.AddSingleton<Calendar.CalDavClient>();
        services.AddHttpClient(Calendar.CalDavClient.HttpClientName, c =>
            {
                c.DefaultRequestHeaders.UserAgent.ParseAdd("LeadsAgent-CalDAV/1.0");
                // The client's own token ends each request after Calendar:TimeoutSeconds.
                c.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(CheckedAddressHandler.Create);
        return services;
    }

    static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration config, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(config.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
