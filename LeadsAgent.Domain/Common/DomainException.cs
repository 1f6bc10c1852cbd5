namespace LeadsAgent.Domain.Common;

/// <summary>A rule of the domain was broken; the message is safe to show to the person who asked.</summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    /// <summary>The request field the rule is about, when there is one (camelCase, as the API names it).</summary>
    public string? Field { get; } = field;
}

/// <summary>Something asked for does not exist (or belongs to another business, which looks the same).</summary>
public sealed class NotFoundException(string what) : DomainException($"{what} was not found.");

/// <summary>The request conflicts with what is stored, such as a phone number another business already uses.</summary>
public sealed class ConflictException(string message, string? field = null) : DomainException(message, field);

/// <summary>The request is understood but the signed-in user may not do it (403).</summary>
public sealed class ForbiddenException(string message, string? field = null) : DomainException(message, field);
