using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>infra/main.bicep built and linted once for all the checks of a test class.</summary>
public sealed class MainTemplateFixture : IAsyncLifetime
{
    public static string InfraDirectory => Path.Combine(RepositoryPaths.Root, "infra");

    public static string BicepFile => Path.Combine(InfraDirectory, "main.bicep");

    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    internal string Source { get; private set; } = "";

    /// <summary>The compiled template; the test that asks for it fails with the build's problems if it did not compile.</summary>
    internal ArmTemplate Template => Build.ExitCode == 0
        ? ArmTemplate.Parse(Build.Stdout)
        : throw new InvalidOperationException("infra/main.bicep does not compile: " + string.Join(Environment.NewLine, Build.Problems));

    public async ValueTask InitializeAsync()
    {
        Source = await File.ReadAllTextAsync(BicepFile, TestContext.Current.CancellationToken);
        Build = await BicepCli.BuildAsync(BicepFile);
        Lint = await BicepCli.LintAsync(BicepFile);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
