namespace LeadsAgent.Tests.E2E;

public class ZzDebugTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Debug()
    {
        var (_, _, email) = await fx.CreateBusinessAsync("PRO");
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await page.GotoAsync("/");
        await Task.Delay(5000, TestContext.Current.CancellationToken);
        await BrowserFixture.ScreenshotAsync(page, "debug");
        var r = await page.GotoAsync("/no-such-page");
        await File.WriteAllTextAsync("/tmp/debug.txt", r!.Status + "\n" + string.Join("\n---\n", errors) + "\n=====\n" + await page.ContentAsync(), TestContext.Current.CancellationToken);
    }
}
