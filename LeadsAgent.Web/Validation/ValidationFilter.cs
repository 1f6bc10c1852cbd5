using FluentValidation;

namespace LeadsAgent.Web.Validation;

/// <summary>Runs the request's FluentValidation validator before the handler; failures become 400 ProblemDetails.</summary>
public static class ValidationFilter
{
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The request body is missing."] },
                    "The request body is missing.");
            }

            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
            var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
            if (result.IsValid)
            {
                return await next(context);
            }

            var errors = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
            return TypedResults.ValidationProblem(errors, string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct()));
        });

    /// <summary>Registers every validator in this assembly (one reflection pass at start keeps the registration in one place, without another package).</summary>
    public static IServiceCollection AddValidators(this IServiceCollection services)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        foreach (var type in typeof(ValidationFilter).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddSingleton(contract, type);
            }
        }

        return services;
    }

    static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
