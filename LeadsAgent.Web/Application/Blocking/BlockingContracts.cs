using FluentValidation;
using LeadsAgent.Domain.Blocking;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Validation;

namespace LeadsAgent.Web.Application.Blocking;

/// <summary>Block a number: the number as people type it, and why (optional, shown in the list).</summary>
public sealed record BlockNumberRequest(string? Number, string? Reason);

public sealed class BlockNumberRequestValidator : AbstractValidator<BlockNumberRequest>
{
    public BlockNumberRequestValidator()
    {
        RuleFor(x => x.Number).Cascade(CascadeMode.Stop).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Enter the phone number to block.")
            .PhoneNumber().WithMessage("'number' must be a phone number, like +15551234567 or (555) 123-4567.");
        RuleFor(x => x.Reason).MaximumLength(BlockedNumber.MaxReason).StorableText();
    }
}

/// <summary>Call screening switches; an omitted one keeps its value.</summary>
public sealed record CallScreeningRequest(bool? ScreenNoCallerId, bool? ScreenFailedStir);

public sealed record CallScreeningDto(bool ScreenNoCallerId, bool ScreenFailedStir);

/// <summary>One blocked number as the owner or the platform admin reads it.</summary>
public sealed record BlockedNumberDto(Guid Id, string Number, string Display, string? Reason, string CreatedBy, DateTimeOffset CreatedAt,
    int BlockedCalls, DateTimeOffset? LastBlockedAt, bool PlatformWide)
{
    public static BlockedNumberDto From(BlockedNumber b) =>
        new(b.Id, b.Number, PhoneDisplay.Format(b.Number), b.Reason, b.CreatedBy, b.CreatedAt, b.BlockedCalls, b.LastBlockedAt, b.IsPlatformWide);
}
