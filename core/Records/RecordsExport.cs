namespace SocialMonitor.Core.Records;

/// <summary>A finished export: the manifest's SHA-256 (also in the ZIP comment and the audit entry), how many files, what they hold.</summary>
public sealed record RecordsExport(string ManifestSha256, int Files, RecordsCounts Counts);
