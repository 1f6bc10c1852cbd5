using System.ClientModel;
using System.ClientModel.Primitives;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Embeddings;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>
/// Embeddings from OpenAI (text-embedding-3-small by default), asked for 512 dimensions to keep the in-process
/// matrix small, in batches of 64, with the SDK's retry on 429 and 5xx.
/// </summary>
public sealed class OpenAIEmbedder : IEmbedder
{
    public const int Dimensions = 512;
    const int BatchSize = 64;
    readonly EmbeddingClient _client;
    readonly string _model;

    public OpenAIEmbedder(IOptions<OpenAIOptions> options)
    {
        var o = options.Value;
        _model = o.EmbeddingModel;
        _client = new EmbeddingClient(o.EmbeddingModel, new ApiKeyCredential(o.ApiKey!), new OpenAIClientOptions
        {
            Endpoint = o.BaseUri,
            NetworkTimeout = TimeSpan.FromSeconds(20),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 2),
        });
    }

    public string Name => $"openai:{_model}:{Dimensions}";

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var result = new float[texts.Count][];
        var options = new EmbeddingGenerationOptions { Dimensions = Dimensions };
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToList();
            var response = await _client.GenerateEmbeddingsAsync(batch, options, ct);
            for (var i = 0; i < response.Value.Count; i++)
            {
                var vector = response.Value[i].ToFloats().ToArray();
                HashingEmbedder.Normalize(vector);
                result[start + response.Value[i].Index] = vector;
            }
        }

        return result;
    }
}
