using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

/// <summary>Chats in the visitor's language through /api/chat, with the real app, PostgreSQL and Redis.</summary>
public class ChatLanguageTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static async Task<JsonNode> SendAsync(HttpClient http, Guid businessId, string? sessionId, string message)
    {
        var response = await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message });
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    static string Reply(JsonNode turn) => turn["reply"]!.GetValue<string>();

    async Task<JsonNode> LeadAsync(HttpClient owner, JsonNode done)
    {
        Assert.True(done["leadCaptured"]!.GetValue<bool>());
        return (await (await owner.GetAsync($"/api/admin/leads/{done["leadId"]}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))["lead"]!;
    }

    [Fact]
    public async Task A_spanish_business_chats_in_spanish_from_the_widget_welcome_to_the_lead()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");
        (await owner.PutAsJsonAsync("/api/admin/config", new { twilioLanguage = "es-MX" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var http = fx.Anonymous();

        var widget = await (await http.GetAsync($"/api/widget/config/{businessId}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("¡Hola! ¿En qué puedo ayudarle hoy?", widget["welcomeMessage"]!.GetValue<string>());

        var first = await SendAsync(http, businessId, null, "Hola, el fregadero de la cocina está tapado y necesito un plomero");
        var sessionId = first["sessionId"]!.GetValue<string>();
        Assert.EndsWith("¿Me podría dar su nombre, por favor?", Reply(first), StringComparison.Ordinal);
        Assert.Equal("Perfecto. ¿Cuál es el mejor número de teléfono para comunicarnos con usted?", Reply(await SendAsync(http, businessId, sessionId, "Juan Pérez")));
        Assert.Equal("Necesito el número completo con el código de área, por ejemplo 555 123 4567.", Reply(await SendAsync(http, businessId, sessionId, "no lo sé")));
        Assert.Equal("Entendido. ¿Cuál es la dirección donde necesita el trabajo?", Reply(await SendAsync(http, businessId, sessionId, "555 242 1313")));
        Assert.Equal("Gracias. ¿Cuál es su correo electrónico, para enviarle una confirmación?", Reply(await SendAsync(http, businessId, sessionId, "Calle Roble 42, Springfield")));
        var done = await SendAsync(http, businessId, sessionId, "juan.perez@example.com");
        Assert.Equal("Perfecto. ¡Gracias! Ya tengo todo lo que necesito. Alguien de nuestro equipo se pondrá en contacto con usted en breve.", Reply(done));

        var lead = await LeadAsync(owner, done);
        Assert.Equal("Juan Pérez", lead["contactName"]!.GetValue<string>());
        Assert.Equal("+15552421313", lead["contactPhone"]!.GetValue<string>());
        Assert.Equal("juan.perez@example.com", lead["contactEmail"]!.GetValue<string>());
        Assert.Equal("Gracias por escribirnos. ¡Que tenga un excelente día!", Reply(await SendAsync(http, businessId, sessionId, "muchas gracias, eso es todo")));
    }

    [Fact]
    public async Task A_french_visitor_on_an_english_business_is_answered_in_french_and_leaves_a_lead()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var http = fx.Anonymous();
        var widget = await (await http.GetAsync($"/api/widget/config/{businessId}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Hello! How can I help you today?", widget["welcomeMessage"]!.GetValue<string>());

        var first = await SendAsync(http, businessId, null, "Bonjour, j'ai une fuite d'eau sous l'évier de la cuisine, il faudrait envoyer quelqu'un");
        var sessionId = first["sessionId"]!.GetValue<string>();
        Assert.Equal("Je comprends, c'est ennuyeux. Nous allons vous envoyer quelqu'un rapidement. Puis-je avoir votre nom, s'il vous plaît ?", Reply(first));
        Assert.Equal("Parfait. Quel est le meilleur numéro de téléphone pour vous joindre ?", Reply(await SendAsync(http, businessId, sessionId, "Marie Dubois")));
        Assert.Equal("C'est noté. À quelle adresse faut-il intervenir ?", Reply(await SendAsync(http, businessId, sessionId, "555 242 1313")));
        Assert.Equal("Merci. Quelle est votre adresse e-mail, pour que nous puissions vous envoyer une confirmation ?",
            Reply(await SendAsync(http, businessId, sessionId, "42 Oak Street, Springfield")));
        var done = await SendAsync(http, businessId, sessionId, "marie.dubois@example.com");
        Assert.Equal("Parfait. Merci ! J'ai tout ce qu'il me faut. Un membre de notre équipe vous contactera très bientôt.", Reply(done));

        var lead = await LeadAsync(owner, done);
        Assert.Equal("Marie Dubois", lead["contactName"]!.GetValue<string>());
        Assert.Equal("+15552421313", lead["contactPhone"]!.GetValue<string>());
        Assert.Equal("HIGH", lead["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_english_visitor_on_an_english_business_hears_the_english_it_always_did()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("BASIC");
        var first = await SendAsync(fx.Anonymous(), businessId, null, "My kitchen sink is clogged");
        Assert.Equal("I'm sorry to hear that. Let's get someone out to you quickly. May I have your name, please?", Reply(first));
    }
}
