using SocialMonitor.Core.Storage;

namespace SocialMonitor.Tests.Hosting;

/// <summary>The assembly deployed to Azure starts no process: Azurite and its installer live in <c>local/</c>.</summary>
public sealed class CoreAssemblyTests
{
    [Fact]
    public void CoreAssembly_ReferencesNoProcessApi() =>
        Assert.DoesNotContain("System.Diagnostics.Process", typeof(StorageClients).Assembly.GetReferencedAssemblies().Select(a => a.Name));
}
