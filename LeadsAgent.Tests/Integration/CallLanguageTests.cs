using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

/// <summary>A call to a business whose agent speaks Spanish (es-MX), through the signed webhooks.</summary>
public class CallLanguageTests(VoiceCallTests.Fixture fx) : IClassFixture<VoiceCallTests.Fixture>
{
    /// <summary>What the last &lt;Say&gt; speaks: its text parts, which a Polly voice gets apart with &lt;break&gt; between them.</summary>
    static string LastSpoken(TwilioCaller caller) =>
        string.Join(" ", caller.Said[^1].DescendantNodes().OfType<XText>().Select(t => t.Value.Trim()).Where(t => t.Length > 0));

    [Fact]
    public async Task A_call_to_a_mexican_spanish_business_is_spoken_and_heard_in_spanish_and_ends_with_a_lead()
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (_, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        (await owner.PutAsJsonAsync("/api/admin/config", new { twilioLanguage = "es-MX", twilioVoice = "Polly.Mia-Neural" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var caller = new TwilioCaller(fx.Anonymous(), VoiceCallTests.Token, VoiceCallTests.PublicBase, "+15557654321", number);

        await caller.DialAsync();
        Assert.Equal("¡Hola! Gracias por llamar. ¿En qué puedo ayudarle hoy?", LastSpoken(caller));
        await caller.SayAsync("hola se me tapó el drenaje de la cocina y necesito un plomero");
        Assert.EndsWith("¿Me podría dar su nombre, por favor?", LastSpoken(caller), StringComparison.Ordinal);
        await caller.SayAsync("juan pérez");
        Assert.Equal("Perfecto. ¿El 5 5 5, 7 6 5, 4 3 2 1 es el mejor número para comunicarnos con usted?", LastSpoken(caller));
        await caller.SayAsync("sí");
        Assert.Equal("Perfecto, gracias. ¿Cuál es la dirección donde necesita el trabajo?", LastSpoken(caller));
        await caller.SayAsync("el problema es la cocina");
        Assert.Equal("¿Podría darme la dirección con calle y número, por ejemplo Calle Roble 42, Springfield?", LastSpoken(caller));
        await caller.SayAsync("calle roble 42 springfield");
        Assert.Equal("Gracias. ¿Cuál es su correo electrónico, para enviarle una confirmación?", LastSpoken(caller));
        await caller.SayAsync("no tengo correo");
        Assert.True(caller.HungUp);
        Assert.Equal("No hay problema. Gracias. Ya tengo todos sus datos y alguien le devolverá la llamada en breve. Gracias por llamar. ¡Hasta luego!", LastSpoken(caller));

        // Every <Say> of the call was Spanish, read by the Mexican Spanish voice; every <Gather> listened for Mexican Spanish.
        Assert.Equal(7, caller.Heard.Count);
        Assert.All(caller.Said, say => Assert.Equal(("Polly.Mia-Neural", "es-MX"), (say.Attribute("voice")?.Value, say.Attribute("language")?.Value)));
        Assert.All(caller.Gathers, gather => Assert.Equal("es-MX", gather.Attribute("language")?.Value));
        Assert.Equal(6, caller.Gathers.Count);
        Assert.Contains("fuga de gas", caller.Gathers[0].Attribute("hints")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("gas leak", caller.Gathers[0].Attribute("hints")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(caller.Heard, h => h.Contains("Thank", StringComparison.Ordinal) || h.Contains("What", StringComparison.Ordinal));

        var lead = (await (await owner.GetAsync("/api/admin/leads", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal("Juan Pérez", lead["contactName"]!.GetValue<string>());
        Assert.Equal("+15557654321", lead["contactPhone"]!.GetValue<string>());
        Assert.Equal("calle roble 42 springfield", lead["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task Asking_a_mexican_spanish_business_for_a_person_with_no_one_to_ring_takes_a_voicemail_in_spanish()
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (_, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        (await owner.PutAsJsonAsync("/api/admin/config", new { twilioLanguage = "es-MX" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var caller = new TwilioCaller(fx.Anonymous(), VoiceCallTests.Token, VoiceCallTests.PublicBase, "+15557654321", number);

        await caller.DialAsync();
        await caller.SayAsync("quiero hablar con una persona por favor");

        Assert.NotNull(caller.Record);
        // What the caller hears before the tone (after the recording, a goodbye for when no message is left).
        Assert.Contains(caller.Said, say => say.Value == "Lo siento, en este momento nadie puede atender la llamada. Deje su nombre, su número y su mensaje después del tono, y le devolveremos la llamada.");
        Assert.All(caller.Said, say => Assert.Equal("es-MX", say.Attribute("language")?.Value));
        await caller.PostAsync(caller.Record.Attribute("action")!.Value, new() { ["RecordingUrl"] = "https://api.twilio.com/recordings/RE9" });
        Assert.Equal("Gracias, recibimos su mensaje y le devolveremos la llamada pronto. Hasta luego.", LastSpoken(caller));
    }
}
