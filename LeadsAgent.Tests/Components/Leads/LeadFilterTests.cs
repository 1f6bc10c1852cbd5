using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Application.Leads;

namespace LeadsAgent.Tests.Components.Leads;

/// <summary>The one lead query behind the leads grid, the CSV export and the API, against real seeded leads.</summary>
public class LeadFilterTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    static DateTimeOffset Chicago(int day, int hour, int minute) =>
        new(new DateTime(2026, 3, day, hour, minute, 0), s_chicago.GetUtcOffset(new DateTime(2026, 3, day, hour, minute, 0)));

    [Fact]
    public async Task Status_priority_search_and_local_day_range_return_exactly_the_matching_leads()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        await fx.Database.ExecuteAsync($"UPDATE businesses SET time_zone = 'America/Chicago' WHERE id = '{businessId}'");
        // 11:30 PM on the 10th in Chicago is already the 11th in UTC: the owner's day decides.
        var wanted = await new SeedLead("Maria Lopez", "+13125550147", "URGENT", "VOICE", CreatedAt: Chicago(10, 23, 30)).InsertAsync(fx.Database, businessId);
        await new SeedLead("Maria Lopez", "+13125550147", "URGENT", "VOICE", CreatedAt: Chicago(11, 0, 30)).InsertAsync(fx.Database, businessId);
        await new SeedLead("Maria Lopez", "+13125550147", "URGENT", "VOICE", CreatedAt: Chicago(9, 23, 59)).InsertAsync(fx.Database, businessId);
        await new SeedLead("Maria Lopez", "+13125550147", "NORMAL", "VOICE", CreatedAt: Chicago(10, 9, 0)).InsertAsync(fx.Database, businessId);
        await new SeedLead("Maria Lopez", "+13125550147", "URGENT", "VOICE", "CONTACTED", Chicago(10, 9, 0)).InsertAsync(fx.Database, businessId);
        await new SeedLead("Sam Other", "+15557770000", "URGENT", "VOICE", CreatedAt: Chicago(10, 9, 0)).InsertAsync(fx.Database, businessId);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var queries = host.Get<LeadQueries>();

        var filter = new LeadFilter("NEW", "URGENT", null, "2026-03-10", "2026-03-10", null, "312 555 01");
        var page = await queries.PageAsync(filter, 0, 25, TestContext.Current.CancellationToken);
        Assert.Equal([wanted], page.Rows.Select(r => r.Id));
        Assert.Equal(1, page.Total);

        // The CSV export and the grid read the same criteria.
        var exported = await queries.ListAsync(await queries.CriteriaAsync(filter, TestContext.Current.CancellationToken), 100, TestContext.Current.CancellationToken);
        Assert.Equal([wanted], exported.Select(l => l.Id));

        // Search is case-insensitive over the name, and the phone matches however the digits are typed.
        Assert.Equal(5, (await queries.PageAsync(LeadFilter.None with { Search = "MARIA lo" }, 0, 25, TestContext.Current.CancellationToken)).Total);
        Assert.Equal(5, (await queries.PageAsync(LeadFilter.None with { Search = "(312) 555-01" }, 0, 25, TestContext.Current.CancellationToken)).Total);
        Assert.Equal(1, (await queries.PageAsync(LeadFilter.None with { Search = "777 0000" }, 0, 25, TestContext.Current.CancellationToken)).Total);
    }

    [Fact]
    public async Task Search_takes_wildcards_literally_and_looks_in_email_and_address()
    {
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        await new SeedLead("100% Plumbing Co", Address: "12 Elm Street").InsertAsync(fx.Database, businessId);
        await new SeedLead("1000 Pipes", Email: "boss@pipes.example").InsertAsync(fx.Database, businessId);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        var queries = host.Get<LeadQueries>();

        async Task<IEnumerable<string?>> NamesAsync(string search) =>
            (await queries.PageAsync(LeadFilter.None with { Search = search }, 0, 25, TestContext.Current.CancellationToken)).Rows.Select(r => r.Name);

        Assert.Equal(["100% Plumbing Co"], await NamesAsync("100%"));
        Assert.Empty(await NamesAsync("1_0"));
        Assert.Equal(["100% Plumbing Co"], await NamesAsync("elm st"));
        Assert.Equal(["1000 Pipes"], await NamesAsync("@PIPES"));
    }
}
