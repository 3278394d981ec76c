namespace SocialMonitor.IntegrationTests.Support;

internal static class RepositoryPaths
{
    /// <summary>The folder holding SocialMonitor.sln, found upwards from the test's output folder.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocialMonitor.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException($"No SocialMonitor.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The build configuration of this test run (Debug or Release), read from the output path.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";
}
