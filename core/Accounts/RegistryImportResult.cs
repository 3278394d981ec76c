namespace SocialMonitor.Core.Accounts;

/// <summary>
/// How many rows an import wrote and found already the same, and the locations no longer in the file whose managers'
/// access it ended (each as it was, with those managers).
/// </summary>
public sealed record RegistryImportResult(int Written, int Unchanged)
{
    public IReadOnlyList<Location> EndedAccess { get; init; } = [];
}
