using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialMonitor.Core.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>The files around the template: the azd parameters, the app roles of the API's registration, azure.yaml.</summary>
public sealed partial class DeploymentFilesTests(MainTemplateFixture main) : IClassFixture<MainTemplateFixture>
{
    [GeneratedRegex(@"^\s*(?:project|run):\s*(?<path>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex YamlPath();

    [Fact]
    public void ParametersFile_MainTemplate_GivesEveryRequiredParameterAndNoUnknownOne()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(MainTemplateFixture.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();
        var parameters = main.Template.Parameters;

        Assert.All(file.Select(p => p.Key), name => Assert.True(parameters.ContainsKey(name), $"main.parameters.json gives {name}, which main.bicep does not declare."));
        Assert.All(parameters.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key),
            name => Assert.True(file.ContainsKey(name), $"main.bicep requires {name}, which main.parameters.json does not give."));
    }

    [Fact]
    public void AppRoles_File_DefineCoordinatorAndManagerForPeopleAndApps()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(MainTemplateFixture.InfraDirectory, "app-roles.json")))!.AsArray();

        Assert.Equal([Roles.Coordinator, Roles.Manager], roles.Select(r => (string?)r!["value"]));
        Assert.All(roles, role =>
        {
            Assert.True(Guid.TryParse((string?)role!["id"], out _), "Each app role needs a fixed id (a GUID).");
            Assert.Equal(["User", "Application"], role["allowedMemberTypes"]!.AsArray().Select(t => (string?)t));
            Assert.True((bool?)role["isEnabled"]);
        });
        Assert.Contains("API_APP_ROLES", main.Template.Outputs.Select(o => o.Key));
    }

    [Fact]
    public void AzureYaml_Repository_DeploysTheFunctionsProjectAndUploadsThePolicy()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        var paths = YamlPath().Matches(yaml).Select(m => m.Groups["path"].Value).ToList();

        Assert.Contains("./functions", paths);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Contains("path: infra", yaml, StringComparison.Ordinal);
        Assert.All(paths, path => Assert.True(Path.Exists(Path.Combine(RepositoryPaths.Root, path)), $"azure.yaml names {path}, which does not exist."));
        // azd finds the app to deploy to by this tag, named like the service in azure.yaml.
        Assert.Contains("'azd-service-name': 'functions'", main.Source, StringComparison.Ordinal);
        Assert.Contains("  functions:\n    project: ./functions", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
