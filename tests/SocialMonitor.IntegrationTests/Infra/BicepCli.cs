using System.Diagnostics;
using System.Reflection;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>
/// The Bicep CLI that the test project restores from NuGet (Azure.Bicep.CommandLine.&lt;rid&gt;, pinned by BicepCliVersion in
/// Directory.Packages.props). It compiles and lints offline: the template uses plain resources, no registry modules.
/// </summary>
internal static class BicepCli
{
    public static Task<BicepRun> BuildAsync(string bicepFile) => RunAsync("build", bicepFile, "--stdout");

    public static Task<BicepRun> LintAsync(string bicepFile) => RunAsync("lint", bicepFile);

    /// <summary>
    /// Evaluates the template with a <c>.bicepparam</c> file offline (<c>bicep snapshot</c>): the resources a deployment
    /// would create, conditions applied, into <c>{name}.snapshot.json</c> beside the parameters file.
    /// </summary>
    public static Task<BicepRun> SnapshotAsync(string parametersFile) => RunAsync(
        "snapshot", parametersFile, "--mode", "overwrite", "--subscription-id", "00000000-0000-0000-0000-000000000000",
        "--resource-group", "rg-socialmonitor-test", "--location", "westus2");

    private static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new BicepRun(process.ExitCode, await stdout, await stderr);
    }

    private static string Executable
    {
        get
        {
            var directory = Metadata("BicepCliDirectory");
            var path = Path.Combine(directory, OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"The Bicep CLI package {Metadata("BicepCliPackage")} is not restored for this machine ({path} is missing). "
                    + "Its runtime is not in BicepCliRuntimes in tests/SocialMonitor.IntegrationTests/SocialMonitor.IntegrationTests.csproj, "
                    + "or the package does not exist for it: add the runtime there and restore.");
        }
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
