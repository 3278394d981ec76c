namespace SocialMonitor.Core.Records;

/// <summary>
/// What <c>records verify</c> found: each problem names its file; the files whose hashes were recomputed; the raw
/// answers compared with the archive (null when the archive was not reachable, so they were checked only against their names).
/// </summary>
public sealed record RecordsVerification(IReadOnlyList<string> Problems, int FilesChecked, int? RawCheckedAgainstArchive, string? ManifestSha256)
{
    public bool Passed => Problems.Count == 0;
}
