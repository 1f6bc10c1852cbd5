using System.Text.Json;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Tests.Integration;

public class OpenAIEmbedderTests
{
    [Fact]
    public async Task Embeddings_are_batched_retried_and_normalised()
    {
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(async (req, ctx) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.StatusCode = 503;
                return;
            }

            using var body = JsonDocument.Parse(req.Body);
            var inputs = body.RootElement.GetProperty("input");
            var count = inputs.ValueKind == JsonValueKind.Array ? inputs.GetArrayLength() : 1;
            var data = Enumerable.Range(0, count).Select(i => new { @object = "embedding", index = i, embedding = new[] { 3f + i, 4f } });
            await ctx.Response.WriteAsync(JsonSerializer.Serialize(new { @object = "list", data, model = "text-embedding-3-small" }));
        });
        var embedder = new OpenAIEmbedder(Options.Create(new OpenAIOptions { ApiKey = "sk-test", BaseUrl = server.BaseUrl + "/v1" }));

        var vectors = await embedder.EmbedAsync([.. Enumerable.Range(0, 70).Select(i => $"passage {i}")], TestContext.Current.CancellationToken);

        Assert.Equal(70, vectors.Length);
        Assert.Equal(0.6f, vectors[0][0], 3);
        Assert.Equal(0.8f, vectors[0][1], 3);
        Assert.Equal(3, server.Requests.Count);
        var last = JsonDocument.Parse(server.Requests.Last().Body).RootElement;
        Assert.Equal(6, last.GetProperty("input").GetArrayLength());
        Assert.Equal(512, last.GetProperty("dimensions").GetInt32());
        Assert.Equal("text-embedding-3-small", last.GetProperty("model").GetString());
        Assert.Equal("openai:text-embedding-3-small:512", embedder.Name);
    }
}
