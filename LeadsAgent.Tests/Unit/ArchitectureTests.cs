using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Tests.Unit;

public class ArchitectureTests
{
    [Fact]
    public void Domain_ReferencesNothingButTheFramework()
    {
        var references = typeof(Business).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"LeadsAgent.Domain references {name}"));
    }
}
