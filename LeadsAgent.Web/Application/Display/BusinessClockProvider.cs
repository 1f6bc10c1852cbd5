using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Display;

/// <summary>The signed-in owner's business clock (its time zone), made once per request or circuit.</summary>
public sealed class BusinessClockProvider(CurrentBusiness current, TimeProvider clock)
{
    BusinessClock? _clock;

    public async Task<BusinessClock> GetAsync(CancellationToken ct = default) =>
        _clock ??= new BusinessClock((await current.GetAsync(ct)).TimeZone, clock);
}
