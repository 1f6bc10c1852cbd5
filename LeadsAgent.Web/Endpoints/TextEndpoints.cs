using LeadsAgent.Web.Application.Texts;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

/// <summary>The owner's text message settings: <c>GET/PUT /api/admin/texts</c>.</summary>
public static class TextEndpoints
{
    public static void MapTexts(this RouteGroupBuilder admin)
    {
        admin.MapGet("/texts", async (TextSettingsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(ct)));
        admin.MapPut("/texts", UpdateAsync).Validate<TextSettingsRequest>();
    }

    static async Task<Ok<TextSettingsDto>> UpdateAsync(TextSettingsRequest request, UpdateTextSettings update, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(request, ct));
}
