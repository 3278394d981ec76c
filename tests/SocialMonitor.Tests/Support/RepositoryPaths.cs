namespace SocialMonitor.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The folder holding SocialMonitor.sln, found upwards from the test's output folder.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SocialMonitor.sln")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds SocialMonitor.sln.");
        }
    }
}
