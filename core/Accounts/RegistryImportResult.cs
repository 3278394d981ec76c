namespace SocialMonitor.Core.Accounts;

public sealed record RegistryImportResult(int Written, int Unchanged);
