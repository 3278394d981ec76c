namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>A changed copy of infra/ in a temporary folder, to show that the checks catch a broken template.</summary>
internal sealed class TemplateCopy : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("socialmonitor-infra-");

    private TemplateCopy(string source)
    {
        foreach (var file in Directory.GetFiles(MainTemplateFixture.InfraDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(_directory.FullName, Path.GetFileName(file)));
        }
        File.WriteAllText(BicepFile, source);
        Source = source;
    }

    public string BicepFile => Path.Combine(_directory.FullName, "main.bicep");

    public string Source { get; }

    /// <summary>A copy with the first <paramref name="from"/> replaced; fails if the template no longer holds it.</summary>
    public static TemplateCopy Replacing(string from, string to)
    {
        var source = File.ReadAllText(MainTemplateFixture.BicepFile);
        var at = source.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"infra/main.bicep no longer contains '{from}': update this test's change.");
        return new TemplateCopy(string.Concat(source.AsSpan(0, at), to, source.AsSpan(at + from.Length)));
    }

    public Task<BicepRun> BuildAsync() => BicepCli.BuildAsync(BicepFile);

    public Task<BicepRun> LintAsync() => BicepCli.LintAsync(BicepFile);

    /// <summary>The compiled copy; asserts that it compiled.</summary>
    public async Task<ArmTemplate> CompileAsync()
    {
        var build = await BuildAsync();
        Assert.True(build.ExitCode == 0, "The changed copy must still compile: " + string.Join(Environment.NewLine, build.Problems));
        return ArmTemplate.Parse(build.Stdout);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
