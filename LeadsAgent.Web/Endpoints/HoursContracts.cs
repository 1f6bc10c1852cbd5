using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Web.Endpoints;

/// <summary>An opening range as the owner writes it: "08:00" to "17:00" ("24:00" is midnight at the end of the day).</summary>
public sealed record HoursRangeDto(string From, string To);

/// <summary>One weekday's opening ranges; none means closed that day.</summary>
public sealed record HoursDayDto(DayOfWeek Day, IReadOnlyList<HoursRangeDto> Ranges);

/// <summary>A dated exception: closed all day (a holiday), or open only during its ranges.</summary>
public sealed record HoursExceptionDto(DateOnly Date, string? Label, bool Closed, IReadOnlyList<HoursRangeDto>? Ranges = null);

/// <summary>
/// <c>PUT /api/admin/hours</c>: fields left out (null) keep their value. A week with no ranges at all clears the hours
/// (the agent then says nothing about them).
/// </summary>
public sealed record HoursRequest(IReadOnlyList<HoursDayDto>? Week, IReadOnlyList<HoursExceptionDto>? Exceptions, CallRouting? CallRouting, int? RingOwnerSeconds);

/// <summary>The hours and routing as saved, with where the business stands now in its own words and zone.</summary>
public sealed record HoursDto(
    string TimeZone,
    bool HoursSet,
    IReadOnlyList<HoursDayDto> Week,
    IReadOnlyList<HoursExceptionDto> Exceptions,
    CallRouting CallRouting,
    CallRouting EffectiveCallRouting,
    int RingOwnerSeconds,
    bool OpenNow,
    string? Status,
    bool RoutingAllowed,
    PlanTier RoutingPlan,
    bool HasOwnerPhone)
{
    /// <summary>For the owner: "Open now, until 5 p.m. (your time zone: America/Chicago)"; null when no hours are set.</summary>
    public string? OwnerStatus { get; init; }

    public static HoursDto From(Business business, AgentConfig config, PlanTier plan, DateTimeOffset now)
    {
        var hours = business.Hours is { IsSet: true } h ? h : null;
        var status = hours?.StatusAt(now, BusinessHours.Zone(business.TimeZone));
        return new HoursDto(business.TimeZone, hours is not null, WeekOf(hours), ExceptionsOf(hours), config.CallRouting,
            CallRoutingRules.Effective(config.CallRouting, plan), config.RingOwnerSeconds, status?.Open ?? false,
            hours is null ? null : Domain.Engine.HoursAnswers.WidgetLine(hours, business.TimeZone, now, "en"),
            PlanRules.Allows(plan, PlanFeature.CallRouting), PlanRules.RequiredTier(PlanFeature.CallRouting), !string.IsNullOrWhiteSpace(business.NotificationPhoneNumber))
        {
            OwnerStatus = hours is null ? null : StatusInWords(hours, business.TimeZone, now),
        };
    }

    public static string StatusInWords(BusinessHours hours, string timeZone, DateTimeOffset now)
    {
        var zone = BusinessHours.Zone(timeZone);
        var status = hours.StatusAt(now, zone);
        var text = status.Open
            ? status.Until is { } until ? $"Open now, until {Domain.Engine.HoursAnswers.Clock(until, zone, "en")}" : "Open now, around the clock"
            : status.NextOpening is { } next ? $"Closed now, opening again {Domain.Engine.HoursAnswers.When(next, now, zone, "en")}" : "Closed now, with no opening in the coming year";
        return $"{text} (your time zone: {timeZone})";
    }

    public static IReadOnlyList<HoursDayDto> WeekOf(BusinessHours? hours) =>
        [.. BusinessHours.DaysMondayFirst.Select(d => new HoursDayDto(d, Ranges(hours?.WeeklyRanges(d) ?? [])))];

    public static IReadOnlyList<HoursExceptionDto> ExceptionsOf(BusinessHours? hours) =>
        [.. (hours?.Exceptions ?? []).OrderBy(e => e.Date).Select(e => new HoursExceptionDto(e.Date, e.Label, e.Closed, Ranges(e.Ranges)))];

    static List<HoursRangeDto> Ranges(IEnumerable<OpeningRange> ranges) =>
        [.. ranges.OrderBy(r => r.From).Select(r => new HoursRangeDto(OpeningRange.Clock(r.From), OpeningRange.Clock(r.To)))];
}

/// <summary>
/// The rules for hours and routing, for the API and the hours page alike. What depends on the business (its plan,
/// whether it has an owner phone, whether hours are already saved) comes in the validation context's root data
/// (<see cref="ContextFor"/>); without it those rules are skipped.
/// </summary>
public sealed class HoursRequestValidator : AbstractValidator<HoursRequest>
{
    public const string PlanKey = "plan";
    public const string OwnerPhoneKey = "ownerPhone";
    public const string HoursSavedKey = "hoursSaved";

    public HoursRequestValidator()
    {
        RuleFor(x => x.Week).Must(w => w is null || w.Count <= 7 && w.Select(d => d.Day).Distinct().Count() == w.Count)
            .WithMessage("'week' lists each day of the week at most once.");
        RuleForEach(x => x.Week).ChildRules(day =>
        {
            day.RuleFor(d => d.Ranges).NotNull().WithMessage("'ranges' is required (an empty list means closed).");
            day.RuleFor(d => d).Custom((d, ctx) =>
            {
                if (RangesProblem(d.Ranges) is { } problem)
                {
                    ctx.AddFailure("ranges", $"{d.Day}: {problem}");
                }
            });
        });
        RuleFor(x => x.Exceptions).Must(e => e is null || e.Count <= BusinessHours.MaxExceptions)
            .WithMessage($"'exceptions' may list at most {BusinessHours.MaxExceptions} dates.");
        RuleFor(x => x.Exceptions).Must(e => e is null || e.Select(x => x.Date).Distinct().Count() == e.Count)
            .WithMessage("Each date may be listed only once in 'exceptions'.");
        RuleForEach(x => x.Exceptions).ChildRules(exception =>
        {
            exception.RuleFor(e => e.Date).Must(d => d != default).WithMessage("Each holiday or special day needs a date.");
            exception.RuleFor(e => e.Label).MaximumLength(HoursException.MaxLabel);
            exception.RuleFor(e => e).Custom((e, ctx) =>
            {
                if (!e.Closed && (e.Ranges is null || e.Ranges.Count == 0))
                {
                    ctx.AddFailure("ranges", $"{e.Date:yyyy-MM-dd}: give the special opening times, or mark the day closed.");
                }
                else if (!e.Closed && RangesProblem(e.Ranges!) is { } problem)
                {
                    ctx.AddFailure("ranges", $"{e.Date:yyyy-MM-dd}: {problem}");
                }
            });
        });
        RuleFor(x => x.CallRouting).IsInEnum().WithMessage("'callRouting' must be AI_ALWAYS, RING_OWNER_FIRST or AI_AFTER_HOURS.");
        When(x => x.RingOwnerSeconds is not null, () => RuleFor(x => x.RingOwnerSeconds!.Value)
            .InclusiveBetween(CallRoutingRules.MinRingSeconds, CallRoutingRules.MaxRingSeconds).OverridePropertyName("ringOwnerSeconds")
            .WithMessage($"Ring your phone for {CallRoutingRules.MinRingSeconds} to {CallRoutingRules.MaxRingSeconds} seconds."));
        RuleFor(x => x.CallRouting).Custom((mode, ctx) =>
        {
            if (mode is not { } m || m == Domain.Businesses.CallRouting.AI_ALWAYS)
            {
                return;
            }

            var data = ctx.RootContextData;
            if (data.TryGetValue(PlanKey, out var p) && p is PlanTier plan && !PlanRules.Allows(plan, PlanFeature.CallRouting))
            {
                ctx.AddFailure($"Ringing your phone first needs the {PlanRules.RequiredTier(PlanFeature.CallRouting)} plan; on {plan} your agent answers every call.");
            }

            if (data.TryGetValue(OwnerPhoneKey, out var phone) && phone is false)
            {
                ctx.AddFailure("Add the phone for emergency alerts (Account) first: that is the phone we ring.");
            }

            var request = ctx.InstanceToValidate;
            var hoursSet = request.Week is { } week ? week.Any(d => d.Ranges is { Count: > 0 }) : data.TryGetValue(HoursSavedKey, out var saved) && saved is true;
            if (m == Domain.Businesses.CallRouting.AI_AFTER_HOURS && (request.Week is not null || data.ContainsKey(HoursSavedKey)) && !hoursSet)
            {
                ctx.AddFailure("Set your opening hours first: this choice rings your phone only while you're open.");
            }
        });
    }

    /// <summary>A validation context carrying what the rules need to know about the business.</summary>
    public static ValidationContext<HoursRequest> ContextFor(HoursRequest request, PlanTier plan, bool hasOwnerPhone, bool hoursSaved)
    {
        var context = new ValidationContext<HoursRequest>(request);
        context.RootContextData[PlanKey] = plan;
        context.RootContextData[OwnerPhoneKey] = hasOwnerPhone;
        context.RootContextData[HoursSavedKey] = hoursSaved;
        return context;
    }

    /// <summary>What is wrong with a day's ranges, in an owner's words; null when they are fine.</summary>
    public static string? RangesProblem(IReadOnlyList<HoursRangeDto>? ranges)
    {
        if (ranges is null)
        {
            return null;
        }

        foreach (var r in ranges)
        {
            if (OpeningRange.ParseClock(r.From) is null || OpeningRange.ParseClock(r.To) is null)
            {
                return $"\"{r.From}\" to \"{r.To}\" is not a time like 08:00 to 17:30.";
            }
        }

        return BusinessHours.CheckRanges([.. ranges.Select(ToRange)]);
    }

    public static OpeningRange ToRange(HoursRangeDto r) => new(OpeningRange.ParseClock(r.From)!.Value, OpeningRange.ParseClock(r.To)!.Value);
}
