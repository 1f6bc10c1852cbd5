using System.Globalization;
using System.Text.Json.Serialization;
using LeadsAgent.Infrastructure;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Application;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Chat;
using LeadsAgent.Web.Components;
using LeadsAgent.Web.Endpoints;
using LeadsAgent.Web.Errors;
using LeadsAgent.Web.Hubs;
using LeadsAgent.Web.Security;
using LeadsAgent.Web.Validation;
using LeadsAgent.Web.Voice;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MudBlazor.Services;
using Npgsql;

namespace LeadsAgent.Web;

public static class WebComposition
{
    const string CookieOrBearer = "CookieOrBearer";

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddDesignEnvironmentVariables();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);

        // PORT and a loopback address unless ASPNETCORE_URLS (or --urls) says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
            builder.WebHost.UseUrls($"http://{server.ListenAddress}:{server.Port}");
        }

        // ./run serves the build output: its static web assets manifest gives _framework/blazor.web.js and
        // MudBlazor's files in every environment (only Development reads it by default). A publish output has none.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddInfrastructure(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ISignedInTenant, HttpSignedInTenant>();
        services.AddScoped<CurrentBusiness>();
        services.AddValidators();
        services.AddSingleton<TwilioSignatureFilter>();
        services.AddSingleton<LeadsAgent.Web.Voice.CallerSafetyNetFilter>();
        services.AddSingleton<LeadsAgent.Web.Voice.VoiceAgent>();
        services.AddSingleton<LeadsAgent.Web.Voice.CallSimulator>();
        services.AddSingleton<LeadsAgent.Web.Voice.WarmTransferCalls>();
        services.AddSingleton<LeadsAgent.Web.Sms.TexterSafetyNetFilter>();
        services.AddSingleton<LeadsAgent.Web.Sms.BookingTextCommands>();
        services.AddSingleton<LeadsAgent.Web.Sms.SmsAgent>();

        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums travel as their names ("PRO"), never as numbers, so a typo is a 400 rather than a silent default.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        });
        // Bad JSON reaches our exception handler (and becomes a ProblemDetails naming the field) in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // One key ring for every instance and every restart (PostgreSQL), named for the product rather than the
        // install path: cookies, bearer tokens and antiforgery tokens issued by one instance are honoured by all.
        services.AddDataProtection().SetApplicationName("LeadsAgent");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((o, db) => o.XmlRepository = new PostgresXmlRepository(db));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "leadsagent.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // The account's security stamp, checked every Auth:SecurityStampValidationSeconds: a password
                    // change or "sign out everywhere" ends this cookie in other browsers.
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    // The JSON API answers 401/403; only pages redirect to the sign-in page.
                    OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden),
                };
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            // Never issued (no two-factor sign-in), but Identity's SecurityStampValidator signs out of this scheme when it
            // rejects a stale cookie, and an unregistered scheme would turn that sign-out into a 500.
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "leadsagent.2fa");

        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<Microsoft.Extensions.Options.IOptions<AuthOptions>>((o, auth) =>
            o.ValidationInterval = TimeSpan.FromSeconds(auth.Value.SecurityStampValidationSeconds));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<BearerStampCheck>();
        services.AddScoped<PasswordSignIn>();

        services.AddAuthorizationBuilder()
            // Closed by default: an endpoint or page without an attribute needs a signed-in user; public ones say AllowAnonymous.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AuthPolicies.PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin))
            .AddPolicy(AuthPolicies.Owner, p => p.RequireRole(Roles.Owner).RequireClaim(AppClaims.BusinessId))
            .AddPolicy(PlanRequirementHandler.Pro, p => p.RequireRole(Roles.Owner).AddRequirements(new PlanRequirement(LeadsAgent.Domain.Plans.PlanTier.PRO)))
            .AddPolicy(PlanRequirementHandler.Basic, p => p.RequireRole(Roles.Owner).AddRequirements(new PlanRequirement(LeadsAgent.Domain.Plans.PlanTier.BASIC)));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PlanRequirementHandler>();

        services.AddOptions<Security.ProxyOptions>().Bind(builder.Configuration.GetSection(Security.ProxyOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Security.ProxyOptions>, Security.ProxyOptionsValidator>();
        services.AddSingleton<WidgetOrigins>();
        services.AddOptions<ChatOptions>().Bind(builder.Configuration.GetSection(ChatOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ChatOptions>, ChatOptionsValidator>();
        services.AddSingleton<ChatRateLimits>();
        services.AddCors();
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, WidgetCorsPolicyProvider>();

        services.AddSignalR();
        services.AddHostedService<LiveHubBridge>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CircuitUser>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitUserHandler>();
        services.AddMudServices();
        services.AddDashboard();
        services.AddAntiforgery(o => o.Cookie.Name = "leadsagent.af");
        return builder;
    }

    static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>`--migrate` and `--seed-demo` do their work and exit; otherwise the app migrates, then serves.</summary>
    public static async Task<bool> RunCommandLineTasksAsync(this WebApplication app, string[] args)
    {
        var migrateOnly = args.Contains("--migrate");
        var seedDemo = args.Contains("--seed-demo");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().AcrossBusinesses("startup: migrations, platform admin and demo data");
        var tasks = scope.ServiceProvider.GetRequiredService<StartupTasks>();
        await tasks.MigrateAsync();
        await tasks.EnsurePlatformAdminAsync();
        if (seedDemo)
        {
            var logins = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
            foreach (var login in logins)
            {
                Console.WriteLine($"demo login: {login.Email} / {login.Password}  ({login.Business}, {login.Plan})");
            }
        }

        return migrateOnly || seedDemo;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        // Client address and scheme from a configured proxy only (per-client limits, secure cookies, HSTS behind TLS).
        var proxies = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Security.ProxyOptions>>().Value;
        if (proxies.IsConfigured)
        {
            app.UseForwardedHeaders(proxies.ToMiddlewareOptions());
        }

        app.UseSecurityHeaders();
        // Server-Timing (a standard header browsers' dev tools and the load harness read): our own time for each API
        // request, from the pipeline's start to the response's first byte, so a slow answer can be told apart from a
        // slow network or a queue in front of us.
        app.Use((ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                ctx.Response.OnStarting(static state =>
                {
                    var (response, started) = ((HttpResponse, long))state;
                    response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
                        $"app;dur={System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.##}");
                    return Task.CompletedTask;
                }, (ctx.Response, started));
            }

            return next(ctx);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        // A page address that leads nowhere gets the styled "Page not found" page (with its 404); the API keeps its
        // ProblemDetails below.
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/_blazor")
                && !ctx.Request.Path.StartsWithSegments("/hubs"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseStatusCodePages(async ctx =>
        {
            // Bare 401/403/404/405 from the API get a ProblemDetails body too.
            if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                var status = ctx.HttpContext.Response.StatusCode;
                var detail = status switch
                {
                    StatusCodes.Status401Unauthorized => "Sign in first: send 'Authorization: Bearer <accessToken>' from POST /api/auth/login.",
                    StatusCodes.Status403Forbidden => "Your account may not use this.",
                    StatusCodes.Status404NotFound => "There is nothing at this address.",
                    StatusCodes.Status405MethodNotAllowed => "This address does not accept that HTTP method.",
                    StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
                    _ => null,
                };
                await TypedResults.Problem(detail, statusCode: status).ExecuteAsync(ctx.HttpContext);
            }
        });
        app.UseStaticFiles();
        // Explicit, so a re-executed "Page not found" request is routed again (the implicit one runs only at the start).
        // ConversationRelay's socket (/api/voice/relay); Twilio keeps it alive itself, our pings catch dead peers.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        BearerStampCheck.UseBearerStampCheck(app);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapAuth();
        app.MapPlatform();
        app.MapVoice();
        LeadsAgent.Web.Sms.SmsEndpoints.MapSms(app);
        app.MapBaseline(app.Configuration);
        app.MapChat();
        var admin = app.MapOwnerGroup();
        admin.MapOwnerBusiness();
        admin.MapLeads();
        admin.MapEmergencyAudit();
        admin.MapKnowledge();
        admin.MapSessions();
        admin.MapOwnerBlocking();
        app.MapPlatformBlocking();
        admin.MapWebhooks();
        admin.MapSummaries();
        admin.MapTexts();
        admin.MapBooking();
        admin.MapCalendar();
        app.MapCalendarFeed();
        app.MapLeadExport();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
