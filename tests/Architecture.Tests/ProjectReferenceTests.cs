using System.Xml.Linq;

namespace MonBureau.Architecture.Tests;

/// <summary>Guards the layering where it is declared too, so a forbidden reference fails before any code uses it.</summary>
public class ProjectReferenceTests
{
    [Theory]
    [InlineData("src/Domain/MonBureau.Domain.csproj", new string[0])]
    [InlineData("src/Application/MonBureau.Application.csproj", new[] { "MonBureau.Domain" })]
    [InlineData("src/Projections/MonBureau.Projections.csproj", new[] { "MonBureau.Domain" })]
    public void Each_layer_references_only_the_layers_beneath_it(string project, string[] allowed)
    {
        var path = Path.Combine(RepositoryRoot(), project);
        var document = XDocument.Load(path);
        var references = document.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        var packages = document.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

        Assert.All(references, r => Assert.Contains(r, allowed));
        if (allowed.Length == 0)
            Assert.Empty(packages);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MonBureau.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("MonBureau.sln not found above the test binaries.");
    }
}
