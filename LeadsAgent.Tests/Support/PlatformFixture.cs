using System.Net;
using System.Net.Http.Json;

namespace LeadsAgent.Tests.Support;

/// <summary>One app instance on its own database, with helpers to create businesses and sign in their owners.</summary>
public class PlatformFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public AppFactory App { get; private set; } = null!;
    public string AdminToken { get; private set; } = "";

    protected virtual IReadOnlyDictionary<string, string?>? Overrides => null;

    /// <summary>The PostgreSQL server for this fixture's database; null means the shared test server.</summary>
    protected virtual string? DatabaseServerUrl => null;

    /// <summary>Called after the app factory exists and before its first request.</summary>
    protected virtual void ConfigureApp(AppFactory app)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(serverUrl: DatabaseServerUrl);
        App = new AppFactory(Database, Overrides);
        ConfigureApp(App);
        AdminToken = await ApiClient.LoginAsync(App.CreateClient(), AppFactory.AdminEmail, AppFactory.AdminPassword);
    }

    public HttpClient Admin() => App.CreateClient().WithToken(AdminToken);

    public HttpClient Anonymous() => App.CreateClient();

    /// <summary>Creates a business through the platform API and returns its id and a signed-in client for its owner.</summary>
    public async Task<(Guid Id, HttpClient Owner, string OwnerEmail)> CreateBusinessAsync(string plan = "PRO", string type = "PLUMBING", string? twilioNumber = null)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var response = await Admin().PostAsJsonAsync("/api/platform/businesses", new
        {
            name = $"Test {type} {plan}",
            businessType = type,
            planTier = plan,
            twilioPhoneNumber = twilioNumber,
            ownerEmail = email,
            ownerPassword = "Owner-password-1",
        });
        var body = await response.JsonAsync(HttpStatusCode.Created);
        var token = await ApiClient.LoginAsync(App.CreateClient(), email, "Owner-password-1");
        return (body["id"]!.GetValue<Guid>(), App.CreateClient().WithToken(token), email);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
