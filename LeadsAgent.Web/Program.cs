using LeadsAgent.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddWeb();

var app = builder.Build();
if (await app.RunCommandLineTasksAsync(args))
{
    return;
}

app.UseWeb();
await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
