using System.Reflection;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Tests.Unit;

public class ArchitectureTests
{
    /// <summary>
    /// Pages that still reach into persistence themselves, from before the application layer existed. The dashboard
    /// rebuild moves them onto query services and use cases; this list may only shrink.
    /// </summary>
    static readonly string[] s_componentsStillOnPersistence =
    [
    ];

    [Fact]
    public void Domain_ReferencesNothingButTheFramework()
    {
        var references = typeof(Business).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"LeadsAgent.Domain references {name}"));
    }

    [Fact]
    public void Infrastructure_DoesNotReferenceWeb()
    {
        var references = typeof(LeadsDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("LeadsAgent.Domain", references);
        Assert.DoesNotContain("LeadsAgent.Web", references);
    }

    [Fact]
    public void Components_UsePersistenceOnlyWhereListedAsNotYetMoved()
    {
        Type[] persistence = [typeof(LeadsDbContext), typeof(IDbContextFactory<LeadsDbContext>), typeof(ISessionStore), typeof(IServiceProvider)];
        var components = typeof(LeadsAgent.Web.WebComposition).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        var offenders = components
            .Where(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Any(p => p.GetCustomAttribute<InjectAttribute>() is not null && persistence.Contains(p.PropertyType)))
            .Select(t => t.Name)
            .Order()
            .ToList();

        Assert.NotEmpty(components);
        Assert.Equal(s_componentsStillOnPersistence.Order(), offenders);
    }

    [Fact]
    public void ProductCode_NeverSwitchesOffTheTenantFilter()
    {
        // Widening is explicit and audited (TenantScope.ForBusiness / AcrossBusinesses); IgnoreQueryFilters would be neither.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LeadsAgent.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var sources = new[] { "LeadsAgent.Web", "LeadsAgent.Infrastructure" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root!.FullName, project), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count > 50, $"found only {sources.Count} source files under {root!.FullName}");
        Assert.Empty(sources.Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal)).Select(Path.GetFileName));
    }
}
