using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>
/// The app on a real loopback port (Kestrel) and Debian's Chromium driven by Playwright. Each page a test
/// opens fails the test on a console error, and screenshots go next to the test results.
/// </summary>
public class BrowserFixture : PlatformFixture
{
    IPlaywright? _playwright;

    public const string TwilioToken = "browser-test-token";
    public const string TwilioBase = "https://voice.browser.test";

    public IBrowser Browser { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
    {
        ["Twilio:AccountSid"] = "ACbrowser000000000000000000000000",
        ["Twilio:AuthToken"] = TwilioToken,
        ["Twilio:WebhookBaseUrl"] = TwilioBase,
        // Sessions are checked against the account on every request, so "sign out everywhere" shows at once.
        ["Auth:SecurityStampValidationSeconds"] = "0",
        // A circuit's exception reaches the browser console with its details, so a failing test says why.
        ["DetailedErrors"] = "true",
    };

    /// <summary>Signs in through the sign-in page, as an owner would.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The document, not every script and style: at the start of a full run a dozen apps boot on two cores at once,
        // and each test then waits for what it needs (OpenInteractiveAsync waits for the circuit).
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 20_000 });
        }
        catch (TimeoutException) when (page.Url.Contains("/login", StringComparison.Ordinal))
        {
            // Still on the sign-in page with nothing said (once in a full run the press was lost while the page
            // settled): a person presses Sign in again. A refused password would fail below all the same.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        }
    }
    public string BaseUrl { get; private set; } = "";

    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("LEADSAGENT_TEST_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts");

    protected override void ConfigureApp(AppFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LEADSAGENT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) and page; console errors are collected for the test to assert on.</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        return (page, errors);
    }

    /// <summary>A signed-webhook caller (as Twilio would post) to a business's number.</summary>
    public TwilioCaller Caller(string to, string from = "+15552223344") => new(App.CreateClient(), TwilioToken, TwilioBase, from, to);

    /// <summary>A business with its own Twilio number and one finished call in which the caller said these things.</summary>
    public async Task<(Guid Id, string OwnerEmail, TwilioCaller Call)> BusinessWithFinishedCallAsync(string plan, int callSeconds, params string[] said)
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (id, _, email) = await CreateBusinessAsync(plan, "PLUMBING", number);
        var caller = Caller(number);
        await caller.DialAsync();
        foreach (var words in said)
        {
            await caller.SayAsync(words);
        }

        await caller.StatusAsync("completed", callSeconds);
        return (id, email, caller);
    }

    /// <summary>The repository's root (the folder with LeadsAgent.sln), for files the tests read such as axe-core.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadsAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeadsAgent.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Opens a page and waits until its Blazor circuit is connected and the layout has rendered interactively.</summary>
    public static async Task OpenInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });
    }

    /// <summary>Whether the page fits the screen's width, and if not, which elements stick out (for the failure message).</summary>
    public static async Task<(bool Fits, string Culprits)> FitsWidthAsync(IPage page)
    {
        // After a resize the drawer closes through a breakpoint listener, a moment later: give the layout 3 s to settle.
        bool fits;
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new() { Timeout = 3000 });
            fits = true;
        }
        catch (TimeoutException)
        {
            fits = false;
        }

        var culprits = fits ? "" : await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .slice(0, 8)
              .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right))
              .join(', ')
            """);
        return (fits, culprits);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
