using System.Text.Json;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeadsAgent.Web.Errors;

/// <summary>
/// Turns every failure into a clear answer: malformed JSON and broken rules into 400 ProblemDetails that name
/// the field, a missing plan into the 403 upgrade body, a database outage into a 503 to retry, and anything unexpected
/// into a 500 that leaks nothing.
/// </summary>
sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!http.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(http.Request.Method)
            && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // A page a person opened: the styled error page (/error) rather than JSON.
            return false;
        }

        IResult result = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            FluentValidation.ValidationException validation => TypedResults.ValidationProblem(
                validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()),
                string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct())),
            PlanUpgradeRequiredException plan => PlanFilter.UpgradeRequired(plan.CurrentPlan, plan.RequiredPlan, plan.Message),
            NotFoundException notFound => TypedResults.Problem(notFound.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", forbidden.Message, forbidden.Field),
            UnauthorizedAccessException => Problem(StatusCodes.Status403Forbidden, "Not allowed", "Your account may not use this.", null),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message, conflict.Field),
            DomainException domain => Problem(StatusCodes.Status400BadRequest, "Invalid request", domain.Message, domain.Field),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg } =>
                Problem(StatusCodes.Status409Conflict, "Conflict", "This conflicts with something already stored.", FieldOf(pg.ConstraintName)),
            _ when LeadsAgent.Infrastructure.Persistence.DatabaseOutage.Is(exception) => Unavailable(http, exception),
            // A field no rule checked for NULs or broken Unicode: still the request's fault, not ours.
            _ when Unstorable(exception) => Problem(StatusCodes.Status400BadRequest, "Invalid request",
                "The request contains a control character or broken Unicode, which can't be stored.", null),
            _ => Unexpected(exception),
        };

        if (http.Response.HasStarted)
        {
            return false;
        }

        await result.ExecuteAsync(http);
        return true;
    }

    static IResult BadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldFromJsonPath(json.Path);
            var message = field is null
                ? "The request body is not valid JSON."
                : $"The value of '{field}' is not valid here: check its type and allowed values.";
            return Problem(StatusCodes.Status400BadRequest, "Invalid request body", message, field ?? "body");
        }

        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
        var detail = status == StatusCodes.Status415UnsupportedMediaType
            ? "Send the body as JSON with Content-Type: application/json."
            : bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "The request body is missing or empty." : bad.Message;
        return Problem(status, "Invalid request", detail, status == StatusCodes.Status415UnsupportedMediaType ? null : "body");
    }

    static bool Unstorable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is System.Text.EncoderFallbackException or PostgresException { SqlState: "22021" or "22P05" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The database is away (restarting, unreachable): a 503 that says to retry, not a 500.</summary>
    IResult Unavailable(HttpContext http, Exception exception)
    {
        logger.LogWarning("Database unavailable while answering {Path}: {Reason}", http.Request.Path, exception.GetType().Name);
        http.Response.Headers.RetryAfter = "15";
        return TypedResults.Problem("We can't reach our database for a moment. Please try again in a few seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable");
    }

    IResult Unexpected(Exception exception)
    {
        logger.LogError(exception, "Unhandled error");
        return TypedResults.Problem("Something went wrong on our side. Please try again.", statusCode: StatusCodes.Status500InternalServerError,
            title: "Server error");
    }

    internal static IResult Problem(int status, string title, string detail, string? field)
    {
        if (field is null)
        {
            return TypedResults.Problem(detail, statusCode: status, title: title);
        }

        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail, title: title,
            extensions: null).WithStatus(status);
    }

    /// <summary>"$.questions[2].expectedFormat" becomes "questions[2].expectedFormat".</summary>
    static string? FieldFromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    static string? FieldOf(string? constraint) => constraint switch
    {
        "businesses_twilio_phone_number_key" => "twilioPhoneNumber",
        _ => null,
    };
}

static class ResultStatusExtensions
{
    /// <summary>ValidationProblem is always 400; conflicts keep the errors dictionary with their own status.</summary>
    public static IResult WithStatus(this ValidationProblem problem, int status)
    {
        if (status == StatusCodes.Status400BadRequest)
        {
            return problem;
        }

        problem.ProblemDetails.Status = status;
        return TypedResults.Json(problem.ProblemDetails, statusCode: status, contentType: "application/problem+json");
    }
}
