using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace MonBureau.Architecture.Tests;

/// <summary>The dependency rule of the brief: Domain on nothing; Application and Projections on Domain; Host wires it all.</summary>
public class LayerTests
{
    private static readonly Assembly Domain = typeof(MonBureau.Domain.Common.PersonalData).Assembly;
    private static readonly Assembly Application = typeof(MonBureau.Application.Auditing.ActingContext).Assembly;
    private static readonly Assembly Projections = typeof(MonBureau.Projections.ProjectionsSetup).Assembly;

    private static readonly string[] Infrastructure = ["Marten", "Wolverine", "JasperFx", "Weasel", "Npgsql", "GraphQL", "Microsoft.AspNetCore", "Testcontainers"];

    [Fact]
    public void The_domain_references_no_infrastructure_or_other_layer()
    {
        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => Infrastructure.Any(name.StartsWith) || name.StartsWith("MonBureau.", StringComparison.Ordinal));
        AssertNoDependency(Domain, [.. Infrastructure, "MonBureau.Application", "MonBureau.Projections", "MonBureau.Host"]);
    }

    [Fact]
    public void The_application_layer_knows_the_domain_but_not_projections_GraphQL_or_the_host() =>
        AssertNoDependency(Application, ["MonBureau.Projections", "MonBureau.Host", "GraphQL", "Microsoft.AspNetCore"]);

    [Fact]
    public void Projections_know_the_domain_but_not_the_application_Wolverine_GraphQL_or_the_host() =>
        AssertNoDependency(Projections, ["MonBureau.Application", "MonBureau.Host", "Wolverine", "GraphQL", "Microsoft.AspNetCore"]);

    [Fact]
    public void Domain_events_and_commands_are_immutable()
    {
        var mutable = Domain.GetTypes()
            .Where(t => t.IsPublic && !t.IsEnum && !t.IsInterface && !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.Empty(mutable);
    }

    private static void AssertNoDependency(Assembly assembly, string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{assembly.GetName().Name} depends on a forbidden layer: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
