using LeadsAgent.Domain.Blocking;

namespace LeadsAgent.Tests.Unit;

public class CallerScreeningTests
{
    [Theory]
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("restricted")]
    [InlineData("unknown")]
    [InlineData("UNAVAILABLE")]
    [InlineData("+266696687")]
    [InlineData("+86282452253")]
    [InlineData("+7378742833")]
    [InlineData("+2562533")]
    [InlineData("+8656696")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("+")]
    public void IsWithheld_HiddenCallerId_IsTrue(string? from) => Assert.True(CallerScreening.IsWithheld(from));

    [Theory]
    [InlineData("+15557654321")]
    [InlineData("+442071838750")]
    [InlineData("+12665550123")]
    public void IsWithheld_RealNumber_IsFalse(string from) => Assert.False(CallerScreening.IsWithheld(from));

    [Theory]
    [InlineData("TN-Validation-Failed-A", true)]
    [InlineData("TN-Validation-Failed-B", true)]
    [InlineData("TN-Validation-Failed-C", true)]
    [InlineData("tn-validation-failed-a", true)]
    [InlineData("TN-Validation-Passed-A", false)]
    [InlineData("TN-Validation-Passed-C", false)]
    [InlineData("No-TN-Validation", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void StirFailed_ReadsTwiliosVerdict(string? verstat, bool failed) => Assert.Equal(failed, CallerScreening.StirFailed(verstat));

    [Fact]
    public void Screen_SettingsOff_LetsEveryCallThrough()
    {
        Assert.Null(CallerScreening.Screen("anonymous", "TN-Validation-Failed-A", screenNoCallerId: false, screenFailedStir: false));
    }

    [Fact]
    public void Screen_NoCallerIdOn_ScreensOnlyHiddenNumbers()
    {
        Assert.Equal(ScreenReason.NO_CALLER_ID, CallerScreening.Screen("restricted", null, true, false));
        Assert.Null(CallerScreening.Screen("+15557654321", "TN-Validation-Failed-A", true, false));
    }

    [Fact]
    public void Screen_FailedStirOn_ScreensOnlyFailedVerdicts()
    {
        Assert.Equal(ScreenReason.FAILED_STIR, CallerScreening.Screen("+15557654321", "TN-Validation-Failed-C", false, true));
        Assert.Null(CallerScreening.Screen("+15557654321", "TN-Validation-Passed-A", false, true));
        Assert.Null(CallerScreening.Screen("anonymous", null, false, true));
    }
}
