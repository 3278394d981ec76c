namespace SocialMonitor.Core.Records;

/// <summary>One file of an export as the manifest lists it: its path in the ZIP, SHA-256, size, and for a raw answer where the archive keeps it.</summary>
public sealed record RecordsFile(string Path, string Sha256, long Bytes, string? Archive = null);
